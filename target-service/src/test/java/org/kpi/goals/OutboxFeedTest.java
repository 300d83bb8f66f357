package org.kpi.goals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.Outbox;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox as a feed: writers never wait for each other, and a reader never moves past an
 * event whose transaction commits late.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OutboxFeedTest {

    @Inject
    Outbox outbox;

    @Test
    void aLongTransactionWithEventsDoesNotHoldUpOtherWritersAndItsEventIsNotSkipped() throws Exception {
        String slowKey = "slow-" + UUID.randomUUID();
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("test.slow", slowKey, Map.of("what", "a long import"));
            published.countDown();
            await(mayCommit);
        }));
        try {
            assertTrue(published.await(10, TimeUnit.SECONDS));

            // another writer commits while the slow transaction is open: it must not wait for it
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                String city = "Q" + UUID.randomUUID().toString().substring(0, 8);
                Fixture.org(city, "并行市", "CITY", null);
                return city;
            });
            String city = other.get(10, TimeUnit.SECONDS);

            // a reader now sees neither event past the open transaction's, and remembers its cursor
            long cursor = Feeds.endSeq();
            List<String> seen = keys(Feeds.readAll());
            assertFalse(seen.contains(slowKey), "an uncommitted event is never served");
            assertFalse(seen.contains(city), "nothing written after an open transaction is served before it");

            mayCommit.countDown();
            slow.get(10, TimeUnit.SECONDS);

            List<String> after = keys(Feeds.readAfter(cursor));
            assertTrue(after.contains(slowKey), "the late commit is served after the cursor, not skipped");
            assertTrue(after.contains(city), "the other writer's event follows");
            assertTrue(after.indexOf(slowKey) < after.indexOf(city), "in the order the transactions began writing");
        } finally {
            mayCommit.countDown();
        }
    }

    private static List<String> keys(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("key")).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test did not release the slow transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
