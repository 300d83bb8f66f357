package org.kpi.notify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery worker against a real webhook peer on loopback and the real inbox, with a fixed
 * clock: what is sent when, how failures are retried and when they stop.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class DeliveryWorkerTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);
    private static final String SECRET = "督办-hook-秘钥";
    private static final String DEFAULT_STEPS = "[{\"offsetDays\":-3,\"kind\":\"NOTICE\",\"notify\":[\"LEAD\",\"CO\"]},"
            + "{\"offsetDays\":-1,\"kind\":\"NOTICE\",\"notify\":[\"LEAD\",\"CO\"]},"
            + "{\"offsetDays\":1,\"kind\":\"URGE\",\"notify\":[\"LEAD\"]},"
            + "{\"offsetDays\":3,\"kind\":\"YELLOW\",\"notify\":[\"LEAD\",\"DISTRICT\"]},"
            + "{\"offsetDays\":7,\"kind\":\"RED\",\"notify\":[\"DISTRICT\",\"CITY\"]}]";

    @Inject
    NotifyFixture fixture;

    @Inject
    ReminderSweep sweep;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    NotifyRows db;

    @Inject
    ObjectMapper mapper;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    MeterRegistry registry;

    private final List<WebhookPeer> peers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clock.reset();
        peers.forEach(WebhookPeer::close);
    }

    @Test
    void aNoticeReachesTheInboxAndASignedWebhookAndItsReminderIsSent() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer(SECRET);
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        clock.set(DUE.minusDays(3), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();

        assertEquals(1, peer.acceptedByKey().size(), "one message (an attempt the machine stalled may repeat it)");
        WebhookPeer.Received call = peer.received().get(0);
        assertTrue(call.signatureValid(), "signed with the unit's secret");
        assertEquals(Long.toString(clock.instant().getEpochSecond()), call.timestamp());
        JsonNode body = mapper.readTree(call.body());
        assertEquals("【提醒】重点任务“推进重点项目建设" + task + "”将于 12月10日 到期（还有 3 天）", body.get("title").asText());
        assertEquals("http://localhost:8080/tasks/" + task, body.get("link").asText());
        assertEquals(tree.lead(), body.get("orgUnitCode").asText());
        assertEquals("NOTICE", body.get("facts").get("kind").asText());
        assertEquals(call.idempotencyKey(), key(task, tree.lead(), "WEBHOOK"));

        assertEquals(List.of("INBOX SENT 1", "WEBHOOK SENT 1"), deliveries(task, tree.lead()));
        assertEquals(List.of("INBOX SENT 1"), deliveries(task, tree.co()));
        assertEquals(List.of("SENT"), db.rows("select status from reminder where task_id = ?1 and org_unit_code = ?2",
                task, tree.lead()).stream().map(r -> (String) r[0]).toList());
        assertEquals(1, db.count("select count(*) from inbox_message m join delivery d on d.id = m.delivery_id "
                + "join reminder r on r.id = d.reminder_id where r.task_id = ?1 and m.org_unit_code = ?2 "
                + "and m.title like '【提醒】%' and m.kind = 'NOTICE'", task, tree.co()));

        int calls = peer.calls();
        worker.drain();
        assertEquals(calls, peer.calls(), "a sent delivery is not sent again");
    }

    @Test
    void quietHoursHoldTheWebhookUntilHalfPastSevenWhileTheInboxGetsItAtOnce() {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer(SECRET);
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        clock.set(DUE.minusDays(3), LocalTime.of(23, 10));
        sweep.sweep();
        worker.drain();
        assertEquals(0, peer.calls());
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK PENDING 0"), deliveries(task, tree.lead()));

        clock.set(DUE.minusDays(2), LocalTime.of(7, 29));
        worker.drain();
        assertEquals(0, peer.calls(), "still inside the quiet hours");

        clock.set(DUE.minusDays(2), LocalTime.of(7, 30));
        worker.drain();
        assertEquals(1, peer.calls());
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK SENT 1"), deliveries(task, tree.lead()));
    }

    @Test
    void aFailingPeerIsRetriedWithDoublingWaitsAndTheDeliveryIsDeadAfterEightAttempts() {
        NotifyFixture.Tree tree = fixture.tree();
        noQuietHours(tree.district());
        WebhookPeer peer = peer(SECRET).answering(call -> new WebhookPeer.Answer(500, 0));
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);

        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        Instant start = clock.instant();
        sweep.sweep();
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            worker.drain();
            assertEquals(attempt, peer.calls());
            Object[] row = webhook(task, tree.lead());
            assertEquals(attempt, ((Number) row[2]).intValue());
            if (attempt < 8) {
                assertEquals("RETRYING", row[1]);
                // the peer's 500, or on a stalled machine a timeout: both are retried the same way
                assertTrue(((String) row[3]).contains("HTTP 500") || ((String) row[3]).contains("超时"), (String) row[3]);
                Instant next = NotifyRows.instant(row[4]);
                waits.add(Duration.between(clock.instant(), next));
                clock.set(next);
            } else {
                assertEquals("DEAD", row[1]);
                assertTrue(((String) row[3]).contains("已尝试 8 次"), (String) row[3]);
            }
        }
        for (int i = 0; i < waits.size(); i++) {
            long ceiling = Math.min(Duration.ofMinutes(8).toMillis() << i, Duration.ofHours(8).toMillis());
            long wait = waits.get(i).toMillis();
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "wait " + (i + 1) + " was " + waits.get(i));
        }
        Duration span = Duration.between(start, clock.instant());
        assertTrue(span.compareTo(Duration.ofHours(7)) > 0 && span.compareTo(Duration.ofHours(17)) < 0,
                "eight attempts span about twelve hours, was " + span);
        worker.drain();
        assertEquals(8, peer.calls(), "a dead delivery is not tried again");
        assertEquals(List.of("SENT"), db.rows("select status from reminder where task_id = ?1", task).stream()
                .map(r -> (String) r[0]).distinct().toList(), "the inbox got it, so the reminder is sent");
    }

    @Test
    void aPeerThatRefusesTheSignatureKillsTheDeliveryAtOnceWithAReadableReason() {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer("另一个密钥");
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);

        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();

        Object[] row = webhook(task, tree.lead());
        assertEquals("DEAD", row[1]);
        assertEquals(1, ((Number) row[2]).intValue());
        assertTrue(((String) row[3]).contains("签名密钥"), (String) row[3]);
        clock.set(DUE.plusDays(2), LocalTime.of(9, 0));
        worker.drain();
        assertEquals(1, peer.calls(), "no hammering");
    }

    @Test
    void aRateLimitedPeerIsTriedAgainAfterTheWaitItAskedFor() {
        NotifyFixture.Tree tree = fixture.tree();
        noQuietHours(tree.district());
        WebhookPeer peer = peer(SECRET).answering(call -> call == 1 ? new WebhookPeer.Answer(429, 0) : WebhookPeer.Answer.OK);
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);

        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();
        Object[] row = webhook(task, tree.lead());
        assertEquals("RETRYING", row[1]);
        clock.set(NotifyRows.instant(row[4]));
        worker.drain();
        assertEquals("SENT", webhook(task, tree.lead())[1]);
        assertEquals(2, peer.calls());
        assertEquals(1, peer.acceptedByKey().get(key(task, tree.lead(), "WEBHOOK")));
    }

    @Test
    void aWebhookRemovedWhileItsMessageWaitsCancelsTheDelivery() {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer(SECRET);
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        clock.set(DUE.minusDays(3), LocalTime.of(23, 0));
        sweep.sweep();

        TestTokens.as("supervisor", tree.district()).body("{\"channels\":[]}").put("/api/v1/contacts/" + tree.lead())
                .then().statusCode(200);
        clock.set(DUE.minusDays(2), LocalTime.of(7, 30));
        worker.drain();

        Object[] row = webhook(task, tree.lead());
        assertEquals("CANCELLED", row[1]);
        assertEquals("该联系方式已删除，未发送", row[3]);
        assertEquals(0, peer.calls());
    }

    @Test
    void aUnitThatAskedForADigestGetsTheDaysMessagesAsOneAtHalfPastEight() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district())
                .body("{\"steps\":" + DEFAULT_STEPS + ",\"digest\":true}")
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(200);
        WebhookPeer peer = peer(SECRET);
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long first = fixture.nextId();
        long second = fixture.nextId();
        fixture.task(first, tree, "ASSIGNED", DUE, null, 1);
        fixture.task(second, tree, "ASSIGNED", DUE.plusDays(2), null, 1);

        clock.set(DUE.minusDays(1), LocalTime.of(10, 0));
        sweep.sweep();
        worker.drain();
        assertEquals(0, peer.calls(), "the digest waits for its hour");
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK PENDING 0"), deliveries(first, tree.lead()));
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK PENDING 0"), deliveries(second, tree.lead()));

        clock.set(DUE, LocalTime.of(8, 30));
        worker.drain();

        assertEquals(1, peer.calls(), "one message for the day");
        JsonNode body = mapper.readTree(peer.received().get(0).body());
        assertEquals("【每日汇总】12月10日共 2 条督办提醒", body.get("title").asText());
        String text = body.get("text").asText();
        assertTrue(text.contains("推进重点项目建设" + first + "”将于 12月10日 到期（还有 1 天）"), text);
        assertTrue(text.contains("推进重点项目建设" + second + "”将于 12月12日 到期（还有 3 天）"), text);
        assertTrue(text.contains("http://localhost:8080/tasks/" + second), text);
        assertTrue(body.get("facts").get("digest").asBoolean());
        assertEquals(2, body.get("facts").get("items").size());
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK SENT 1"), deliveries(first, tree.lead()));
        assertEquals(List.of("INBOX SENT 1", "WEBHOOK SENT 1"), deliveries(second, tree.lead()));
        assertEquals(1, db.count("select count(distinct d.digest_group) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id in (?1, ?2) and d.channel = 'WEBHOOK'", first, second));
    }

    @Test
    void deliveriesAreCountedByChannelAndOutcomeAndTheWaitOfTheOldestDueOneIsExported() {
        NotifyFixture.Tree tree = fixture.tree();
        noQuietHours(tree.district());
        WebhookPeer peer = peer(SECRET).answering(call -> new WebhookPeer.Answer(503, 0));
        contacts(tree, tree.lead(), peer.url(), SECRET);
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);
        double inboxSent = counter("INBOX", "sent");
        double webhookRetrying = counter("WEBHOOK", "retrying");

        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        clock.advance(Duration.ofMinutes(10));
        metrics.observeBacklog();
        assertTrue(registry.get("kpi.notify.delivery.oldest.due").gauge().value() >= 600,
                "the URGE has waited ten minutes");

        worker.drain();
        // the sweep is global: other tests' subjects may have been due too, so at least ours
        assertTrue(counter("INBOX", "sent") >= inboxSent + 1);
        assertTrue(counter("WEBHOOK", "retrying") >= webhookRetrying + 1);
        assertEquals("RETRYING", webhook(task, tree.lead())[1]);
        assertEquals(0.0, registry.get("kpi.notify.delivery.oldest.due").gauge().value(), "nothing due after a drain");
    }

    private double counter(String channel, String outcome) {
        var counter = registry.find("kpi.notify.deliveries").tag("channel", channel).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebhookPeer peer(String secret) {
        WebhookPeer peer = new WebhookPeer(secret);
        peers.add(peer);
        return peer;
    }

    private static void contacts(NotifyFixture.Tree tree, String unit, String url, String secret) {
        TestTokens.as("supervisor", tree.district())
                .body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + url + "\",\"secret\":\"" + secret + "\"}]}")
                .put("/api/v1/contacts/" + unit).then().statusCode(200);
    }

    private static void noQuietHours(String unit) {
        TestTokens.as("admin", unit).body("{\"steps\":" + DEFAULT_STEPS + ",\"quietHours\":null}")
                .put("/api/v1/reminder-policies/" + unit).then().statusCode(200);
    }

    /** The unit's deliveries for the task's reminders as "CHANNEL STATUS attempts", oldest first. */
    private List<String> deliveries(long task, String unit) {
        return db.rows("select d.channel, d.status, d.attempts from delivery d join reminder r on r.id = d.reminder_id "
                        + "where r.task_id = ?1 and d.org_unit_code = ?2 order by d.id", task, unit).stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2]).toList();
    }

    /** The unit's one webhook delivery for the task: id, status, attempts, last error, next attempt. */
    private Object[] webhook(long task, String unit) {
        List<Object[]> rows = db.rows("select d.id, d.status, d.attempts, d.last_error, d.next_attempt_at from delivery d "
                + "join reminder r on r.id = d.reminder_id where r.task_id = ?1 and d.org_unit_code = ?2 "
                + "and d.channel = 'WEBHOOK'", task, unit);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private String key(long task, String unit, String channel) {
        return (String) db.rows("select cast(d.idempotency_key as text) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.org_unit_code = ?2 and d.channel = ?3", task, unit, channel).get(0)[0];
    }
}
