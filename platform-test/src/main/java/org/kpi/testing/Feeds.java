package org.kpi.testing;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading a service's own event feed ({@code GET /api/v1/events}) from its tests. */
public final class Feeds {

    /** The most events the feed serves in one page. */
    public static final int MAX_PAGE = 500;

    private Feeds() {
    }

    /** The {@code seq} of the newest event on the feed (0 when empty), paging from the start to the real end. */
    public static long endSeq() {
        return endSeq(0, MAX_PAGE);
    }

    /**
     * The {@code seq} of the newest event after {@code after} (or {@code after} itself when there is
     * none), read as a service in pages of {@code pageSize} until a page is empty or shorter than
     * its limit: the first page alone is not the end once the feed holds more than one page.
     */
    public static long endSeq(long after, int pageSize) {
        long cursor = after;
        while (true) {
            JsonPath page = TestTokens.as("service", "SYSTEM")
                    .get("/api/v1/events?after=" + cursor + "&limit=" + pageSize)
                    .then().statusCode(200).extract().jsonPath();
            List<Object> items = page.getList("items");
            cursor = page.getLong("lastSeq");
            if (items.size() < pageSize) {
                return cursor;
            }
        }
    }

    /** Every event after {@code after}, in feed order, as JSON maps, paging to the real end. */
    public static List<Map<String, Object>> readAfter(long after) {
        List<Map<String, Object>> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = TestTokens.as("service", "SYSTEM")
                    .get("/api/v1/events?after=" + cursor + "&limit=" + MAX_PAGE)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            events.addAll(items);
            if (items.size() < MAX_PAGE) {
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
