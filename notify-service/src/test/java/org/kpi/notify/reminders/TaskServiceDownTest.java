package org.kpi.notify.reminders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.TaskFeedStubResource;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * notify-service reads task-service's feed through a stub that can be stopped: reminders for the
 * tasks it already knows keep being created and sent while task-service is down, and it catches
 * up when task-service is back.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(TaskFeedStubResource.class)
class TaskServiceDownTest {

    private static final LocalDate DUE = LocalDate.of(2027, 5, 20);

    @Inject
    NotifyFixture fixture;

    @Inject
    FeedConsumer consumer;

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

    private long seq;

    /** Read when used: a config property injected into a test class is required by every test's start. */
    private static String stub() {
        return ConfigProvider.getConfig().getValue("task-feed-stub.url", String.class);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        available(true);
    }

    @Test
    void remindersForProjectedTasksAreCreatedAndSentWhileTaskServiceIsDownAndItCatchesUpAfter() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        try (WebhookPeer peer = new WebhookPeer(null)) {
            TestTokens.as("supervisor", tree.district())
                    .body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + peer.url() + "\"}]}")
                    .put("/api/v1/contacts/" + tree.lead()).then().statusCode(200);
            long task = fixture.nextId();
            publish(task, fixture.taskPayload(task, tree, "IN_PROGRESS", DUE, null, 1));
            assertEquals(1, consumer.drain("task"));

            available(false);
            assertThrows(RuntimeException.class, () -> consumer.drain("task"), "task-service answers 503");
            consumer.pollDue();

            clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
            sweep.sweep();
            worker.drain();

            assertEquals(List.of("URGE SENT"), db.rows("select kind, status from reminder where task_id = ?1", task)
                    .stream().map(r -> r[0] + " " + r[1]).toList());
            assertEquals(1, db.count("select count(*) from inbox_message m join delivery d on d.id = m.delivery_id "
                    + "join reminder r on r.id = d.reminder_id where r.task_id = ?1", task));
            assertEquals(1, peer.acceptedBodies().size());

            // task-service comes back with the closure it made while it was down
            publish(task, fixture.taskPayload(task, tree, "CLOSED", DUE, null, 2));
            available(true);
            assertEquals(1, consumer.drain("task"));
            clock.set(DUE.plusDays(3), LocalTime.of(9, 0));
            sweep.sweep();
            worker.drain();
            assertEquals(1, db.count("select count(*) from reminder where task_id = ?1", task), "no YELLOW for a closed task");
            assertEquals(1, peer.calls());
        }
    }

    private void publish(long task, Map<String, Object> payload) throws Exception {
        seq = Math.max(seq + 1, consumer.cursor("task") + 1);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("type", "task.upserted");
        event.put("occurredAt", Instant.now().toString());
        event.put("key", Long.toString(task));
        event.put("payload", payload);
        RestAssured.given().contentType("application/json; charset=UTF-8").body(mapper.writeValueAsString(event))
                .post(stub() + "/control/events?seq=" + seq).then().statusCode(204);
    }

    private void available(boolean up) {
        RestAssured.given().post(stub() + "/control/available?value=" + up).then().statusCode(204);
    }
}
