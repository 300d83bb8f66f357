package org.kpi.testing;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the service-under-test's own event feed to its real end, page by page, as a service. */
public final class FeedReader {

    private static final int LIMIT = 500;

    private FeedReader() {
    }

    /** Every event after {@code after}, in feed order, as JSON maps. */
    public static List<Map<String, Object>> readAfter(long after) {
        List<Map<String, Object>> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=" + LIMIT + "&after=" + cursor)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            events.addAll(items);
            if (items.size() < LIMIT) {
                return events;
            }
            cursor = page.getLong("lastSeq");
        }
    }

    /** Every event on the feed. */
    public static List<Map<String, Object>> readAll() {
        return readAfter(0);
    }
}
