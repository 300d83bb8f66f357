package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMS through a gateway on loopback: which steps go by SMS, the daily cap, and a refused credential. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(SmsGatewayPeer.class)
class SmsTest {

    private static final LocalDate DUE = LocalDate.of(2027, 4, 15);
    private static final String PHONE = "13800138000";

    @InjectSmsPeer
    SmsGatewayPeer gateway;

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

    @AfterEach
    void reset() {
        clock.reset();
        gateway.answer(200);
    }

    @Test
    void yellowGoesBySmsThroughTheGatewayWhileANoticeDoesNot() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        sms(tree, tree.lead());
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        clock.set(DUE.minusDays(3), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(List.of("INBOX"), channels(task, tree.lead()), "a NOTICE is not worth an SMS by default");

        clock.set(DUE.plusDays(3), LocalTime.of(9, 0));
        sweep.sweep();
        int before = gateway.accepted().size();
        worker.drain();

        List<String> sent = gateway.accepted().subList(before, gateway.accepted().size()).stream()
                .filter(body -> body.contains(PHONE)).toList();
        assertEquals(1, sent.size());
        JsonNode body = mapper.readTree(sent.get(0));
        assertEquals("KPI_REMINDER", body.get("templateId").asText());
        assertEquals(PHONE, body.get("phoneNumbers").get(0).asText());
        assertEquals("YELLOW", body.get("parameters").get("kind").asText());
        assertTrue(body.get("parameters").get("title").asText().startsWith("【黄色预警】重点任务“推进重点项目建设" + task),
                body.toString());
        assertEquals("http://localhost:8080/tasks/" + task, body.get("parameters").get("link").asText());
        assertEquals(db.value("select cast(d.idempotency_key as text) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.channel = 'SMS'", task), body.get("requestId").asText());
        assertEquals("SENT", db.value("select d.status from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.channel = 'SMS'", task));
    }

    @Test
    void theDailyCapHoldsBackTheDaysLastSmsButNotTheOtherChannels() {
        NotifyFixture.Tree tree = fixture.tree();
        sms(tree, tree.lead());
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\","
                        + "\"notify\":[\"LEAD\"]}],\"sms\":{\"kinds\":[\"URGE\"],\"dailyCap\":2}}")
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(200)
                .body("sms.kinds", equalTo(List.of("URGE"))).body("sms.dailyCap", equalTo(2));
        long first = fixture.nextId();
        fixture.task(first, tree, "IN_PROGRESS", DUE, null, 1);
        fixture.task(fixture.nextId(), tree, "IN_PROGRESS", DUE, null, 1);
        fixture.task(fixture.nextId(), tree, "IN_PROGRESS", DUE, null, 1);

        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        worker.drain();

        List<Object[]> sms = db.rows("select d.status, d.last_error from delivery d where d.org_unit_code = ?1 "
                + "and d.channel = 'SMS' order by d.status", tree.lead());
        assertEquals(List.of("CANCELLED", "SENT", "SENT"), sms.stream().map(r -> (String) r[0]).toList());
        assertEquals("今日发给本单位的短信已达上限（2 条），本条未发短信，其他渠道照常", sms.get(0)[1]);
        assertEquals(3, db.count("select count(*) from delivery where org_unit_code = ?1 and channel = 'INBOX' "
                + "and status = 'SENT'", tree.lead()));
    }

    @Test
    void aGatewayRefusingTheCredentialFailsTheSmsAtOnceAndGivesItsQuotaBack() {
        NotifyFixture.Tree tree = fixture.tree();
        sms(tree, tree.lead());
        gateway.answer(403);
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);

        clock.set(DUE.plusDays(3), LocalTime.of(10, 0));
        sweep.sweep();
        worker.drain();

        Object[] sms = db.rows("select d.status, d.last_error, d.attempts from delivery d join reminder r "
                + "on r.id = d.reminder_id where r.task_id = ?1 and d.channel = 'SMS'", task).get(0);
        assertEquals("DEAD", sms[0]);
        assertEquals("短信网关拒绝了凭证（HTTP 403），请管理员检查短信网关密钥", sms[1]);
        assertEquals(1, ((Number) sms[2]).intValue());
        assertEquals(0L, db.count("select coalesce(sum(sent), 0) from sms_usage where org_unit_code = ?1", tree.lead()));
    }

    @Test
    void aPolicyWithANegativeCapOrAnUnknownKindIsRefused() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\","
                        + "\"notify\":[\"LEAD\"]}],\"sms\":{\"kinds\":[\"RED\"],\"dailyCap\":-1}}")
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(400)
                .body("errors.field", hasItem("sms.dailyCap"));
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\","
                        + "\"notify\":[\"LEAD\"]}],\"sms\":{\"kinds\":[\"LOUD\"],\"dailyCap\":3}}")
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(400);
        TestTokens.as("department", tree.lead()).get("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(200)
                .body("sms.kinds", equalTo(List.of("YELLOW", "RED"))).body("sms.dailyCap", equalTo(20));
    }

    private List<String> channels(long task, String unit) {
        return db.rows("select d.channel from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.org_unit_code = ?2 order by d.id", task, unit).stream()
                .map(r -> (String) r[0]).toList();
    }

    private static void sms(NotifyFixture.Tree tree, String unit) {
        TestTokens.as("supervisor", tree.district()).body("{\"channels\":[{\"type\":\"SMS\",\"address\":\"" + PHONE + "\"}]}")
                .put("/api/v1/contacts/" + unit).then().statusCode(200);
    }
}
