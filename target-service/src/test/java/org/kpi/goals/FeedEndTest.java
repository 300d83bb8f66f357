package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Feeds#endSeq} finds the real end of the feed, not the end of its first page. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class FeedEndTest {

    @Test
    void endOfTheFeedIsFoundPastTheFirstPage() {
        long start = Feeds.endSeq();
        List<String> cities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cities.add(AuditAndFeedTest.createCity());
        }
        // five new events read in pages of two: the first page ends at the second of them
        JsonPath firstPage = page(start, 2);
        assertEquals(2, firstPage.getList("items").size());

        long end = Feeds.endSeq(start, 2);

        assertTrue(end > firstPage.getLong("lastSeq"), "the end lies past the first page");
        JsonPath all = page(start, Feeds.MAX_PAGE);
        List<String> keys = all.getList("items.key", String.class);
        assertEquals(cities, keys.subList(keys.size() - cities.size(), keys.size()));
        assertEquals(all.getLong("lastSeq"), end, "the end is the newest event");
        assertTrue(page(end, Feeds.MAX_PAGE).getList("items").isEmpty(), "nothing follows the end");
        assertEquals(end, Feeds.endSeq(), "the same end whatever the page size");
    }

    private static JsonPath page(long after, int limit) {
        return TestTokens.as("service", "SYSTEM").get("/api/v1/events?after=" + after + "&limit=" + limit)
                .then().statusCode(200).extract().jsonPath();
    }
}
