package org.kpi.notify.reminders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervision order's respond-by date is chased on the ladder like a due date: an unanswered
 * order is urged after it, escalated, and a response — or the task closed — stops it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class OrderLadderTest {

    private static final LocalDate RESPOND_BY = LocalDate.of(2027, 4, 12);
    private static final String SECRET = "督办-secret";

    @Inject
    NotifyFixture fixture;

    @Inject
    NotifyRows db;

    @Inject
    ReminderSweep sweep;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    private WebhookPeer peer;

    @AfterEach
    void cleanUp() {
        clock.reset();
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void anUnansweredOrderIsUrgedAfterItsRespondByDateAndAResponseStopsIt() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        peer = new WebhookPeer(SECRET);
        TestTokens.as("admin", tree.city()).body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + peer.url()
                + "\",\"secret\":\"" + SECRET + "\"}]}").put("/api/v1/contacts/" + tree.lead()).then().statusCode(200);
        long task = fixture.nextId();
        long order = fixture.nextId();
        clock.set(RESPOND_BY.minusDays(10), LocalTime.of(10, 0));
        fixture.task(task, tree, "IN_PROGRESS", RESPOND_BY.plusMonths(3), null, 1);
        fixture.deliver(fixture.event("supervision-order.issued", Long.toString(order),
                fixture.orderIssued(order, task, tree, "URGE", "进度滞后", RESPOND_BY)));
        worker.drain();
        String issued = "【督办单·催办】重点任务“推进重点项目建设" + task + "”，请于 4月12日 前反馈";

        clock.set(RESPOND_BY.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();
        String urge = "【催办】重点任务“推进重点项目建设" + task + "”的督办单反馈已逾期 1 天";
        List<Map<String, Object>> lead = inbox("department", tree.lead());
        assertEquals(List.of(urge, issued), titles(lead), "the notice of the order, then the urge (steps not swept in time are skipped)");
        assertEquals("http://localhost:8080/supervision-orders/" + order, lead.get(0).get("link"));
        assertTrue(((String) lead.get(0).get("body")).contains("反馈时限：4月12日"), (String) lead.get(0).get("body"));
        assertEquals(List.of("URGE"), TestTokens.as("department", tree.lead()).queryParam("subjectType", "ORDER")
                .get("/api/v1/reminders").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind != 'ORDER_ISSUED' }.kind"));

        // +3 late in the evening: yellow to the lead (webhook held by quiet hours) and the district
        clock.set(RESPOND_BY.plusDays(3), LocalTime.of(23, 0));
        sweep.sweep();
        worker.drain();
        String yellow = "【黄色预警】重点任务“推进重点项目建设" + task + "”的督办单反馈已逾期 3 天";
        assertEquals(List.of(yellow), titles(inbox("supervisor", tree.district())));
        assertEquals(List.of("PENDING"), webhookStatuses(order, "YELLOW"));

        fixture.deliver(fixture.event("supervision-order.responded", Long.toString(order),
                fixture.orderResponded(order, task, tree)));
        assertEquals(List.of("CANCELLED"), webhookStatuses(order, "YELLOW"), "the response withdraws what waits");

        clock.set(RESPOND_BY.plusDays(8), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();
        assertEquals(List.of(yellow), titles(inbox("supervisor", tree.district())), "no red after the response");
        assertEquals(0, db.count("select count(*) from reminder where subject_type = 'ORDER' and subject_id = ?1 "
                + "and kind = 'RED'", order));
        List<String> hooked = new ArrayList<>();
        for (String body : peer.acceptedBodies()) {
            hooked.add(mapper.readTree(body).get("title").asText());
        }
        assertEquals(List.of(issued, urge), hooked);
    }

    @Test
    void anOrderAnsweredInTimeOrOfAClosedTaskIsNeverUrged() {
        NotifyFixture.Tree tree = fixture.tree();
        long answeredTask = fixture.nextId();
        long closedTask = fixture.nextId();
        long answered = fixture.nextId();
        long ofClosed = fixture.nextId();
        clock.set(RESPOND_BY.minusDays(10), LocalTime.of(10, 0));
        fixture.task(answeredTask, tree, "IN_PROGRESS", RESPOND_BY.plusMonths(3), null, 1);
        fixture.task(closedTask, tree, "IN_PROGRESS", RESPOND_BY.plusMonths(3), null, 1);
        fixture.deliver(fixture.event("supervision-order.issued", Long.toString(answered),
                fixture.orderIssued(answered, answeredTask, tree, "LISTED", "挂牌督办", RESPOND_BY)));
        fixture.deliver(fixture.event("supervision-order.issued", Long.toString(ofClosed),
                fixture.orderIssued(ofClosed, closedTask, tree, "NOTICE", "请加快进度", RESPOND_BY)));

        clock.set(RESPOND_BY.minusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(1, ladderReminders(answered), "the notice the day before the respond-by date");
        assertEquals(1, ladderReminders(ofClosed), "the notice the day before the respond-by date");
        fixture.deliver(fixture.event("supervision-order.responded", Long.toString(answered),
                fixture.orderResponded(answered, answeredTask, tree)));
        fixture.task(closedTask, tree, "CLOSED", RESPOND_BY.plusMonths(3), null, 2);

        for (int day = 1; day <= 8; day++) {
            clock.set(RESPOND_BY.plusDays(day), LocalTime.of(9, 0));
            sweep.sweep();
        }
        assertEquals(1, ladderReminders(answered));
        assertEquals(1, ladderReminders(ofClosed));
    }

    private long ladderReminders(long order) {
        return db.count("select count(*) from reminder where subject_type = 'ORDER' and subject_id = ?1 "
                + "and kind in ('NOTICE', 'URGE', 'YELLOW', 'RED')", order);
    }

    private List<String> webhookStatuses(long order, String kind) {
        return db.rows("select d.status from delivery d join reminder r on r.id = d.reminder_id where "
                + "r.subject_type = 'ORDER' and r.subject_id = ?1 and r.kind = ?2 and d.channel = 'WEBHOOK'", order, kind)
                .stream().map(r -> (String) r[0]).toList();
    }

    private static List<Map<String, Object>> inbox(String role, String unit) {
        return TestTokens.as(role, unit).queryParam("size", 100).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<String> titles(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> (String) m.get("title")).toList();
    }
}
