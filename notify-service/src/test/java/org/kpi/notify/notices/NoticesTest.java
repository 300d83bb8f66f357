package org.kpi.notify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedEvent;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notices (通知) of supervision events, dispatched with the producers' own payloads: each reaches
 * the units concerned once on each of their channels, however often its event is delivered, with
 * the link to where to act.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class NoticesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 16);
    private static final String SECRET = "通知-secret";
    private static final String BASE = "http://localhost:8080";

    @Inject
    NotifyFixture fixture;

    @Inject
    NotifyRows db;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    private final List<WebhookPeer> peers = new ArrayList<>();

    @BeforeEach
    void daytime() {
        clock.set(TODAY, LocalTime.of(10, 0));
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        peers.forEach(WebhookPeer::close);
    }

    @Test
    void anIssuedOrderReachesTheLeadUnitOnceOnEachChannelWithLevelReasonAndRespondByDate() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer leadHook = hook(tree, tree.lead());
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 1);
        long order = fixture.nextId();
        FeedEvent issued = fixture.event("supervision-order.issued", Long.toString(order),
                fixture.orderIssued(order, task, tree, "URGE", "项目开工率低于序时进度", TODAY.plusDays(7)));

        fixture.deliver(issued);
        fixture.deliver(issued);
        worker.drain();
        fixture.deliver(issued);
        worker.drain();

        String title = "【督办单·催办】重点任务“推进重点项目建设" + task + "”，请于 3月23日 前反馈";
        List<Map<String, Object>> inbox = inbox("department", tree.lead());
        assertEquals(List.of(title), titles(inbox));
        String body = (String) inbox.get(0).get("body");
        assertTrue(body.startsWith(title + "\n"), body);
        assertTrue(body.contains("督办事由：项目开工率低于序时进度"), body);
        assertTrue(body.contains("反馈时限：3月23日"), body);
        assertEquals(BASE + "/supervision-orders/" + order, inbox.get(0).get("link"));
        assertEquals("ORDER_ISSUED", inbox.get(0).get("kind"));

        assertEquals(1, leadHook.acceptedBodies().size());
        JsonNode hook = mapper.readTree(leadHook.acceptedBodies().get(0));
        assertEquals(title, hook.get("title").asText());
        assertEquals(BASE + "/supervision-orders/" + order, hook.get("link").asText());
        assertEquals("ORDER_ISSUED", hook.get("facts").get("kind").asText());
        assertEquals("URGE", hook.get("facts").get("level").asText());
        assertEquals(TODAY.plusDays(7).toString(), hook.get("facts").get("respondBy").asText());

        assertEquals(List.of(), titles(inbox("supervisor", tree.district())), "an URGE order is the lead unit's alone");
        JsonPath reminders = TestTokens.as("supervisor", tree.district()).queryParam("subjectType", "ORDER")
                .queryParam("orgUnit", tree.lead()).get("/api/v1/reminders").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ORDER_ISSUED"), reminders.getList("items.kind"));
        assertEquals(List.of(order), reminders.getList("items.subjectId", Long.class));
        assertEquals(List.of("supervision-order.issued#" + issued.seq()), reminders.getList("items.subjectKey"));
        assertEquals(List.of("SENT"), reminders.getList("items.status"));
    }

    @Test
    void aSuperviseOrderAlsoReachesTheDistrictOfficeNamingTheResponsibleLeader() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer districtHook = hook(tree, tree.district());
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 1);
        long order = fixture.nextId();
        FeedEvent issued = fixture.event("supervision-order.issued", Long.toString(order),
                fixture.orderIssued(order, task, tree, "SUPERVISE", "连续两月未报进展", TODAY.plusDays(5)));

        fixture.deliver(issued);
        fixture.deliver(issued);
        worker.drain();

        String title = "【督办单·督办】重点任务“推进重点项目建设" + task + "”，请于 3月21日 前反馈";
        assertEquals(List.of(title), titles(inbox("department", tree.lead())));
        List<Map<String, Object>> office = inbox("supervisor", tree.district());
        assertEquals(List.of(title), titles(office));
        String body = (String) office.get(0).get("body");
        assertTrue(body.contains("责任领导：张副区长"), body);
        assertTrue(body.contains("请督促发展和改革局"), body);
        assertEquals(1, districtHook.acceptedBodies().size());
        JsonNode hook = mapper.readTree(districtHook.acceptedBodies().get(0));
        assertEquals("DISTRICT", hook.get("facts").get("party").asText());
        assertEquals("张副区长", hook.get("facts").get("responsibleLeader").asText());
        assertEquals(List.of(), titles(inbox("department", tree.co())), "co-units are not told of the order");
    }

    @Test
    void aReturnedTaskTellsItsLeadUnitTheReasonOnceOnEachChannel() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer leadHook = hook(tree, tree.lead());
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 3);
        FeedEvent returned = fixture.event("task.returned", Long.toString(task),
                fixture.transition(task, tree, "IN_PROGRESS", "佐证材料不全，请补充开工许可"));

        fixture.deliver(returned);
        fixture.deliver(returned);
        worker.drain();

        String title = "【任务退回】重点任务“推进重点项目建设" + task + "”被退回，请按意见继续办理";
        List<Map<String, Object>> inbox = inbox("department", tree.lead());
        assertEquals(List.of(title), titles(inbox));
        assertTrue(((String) inbox.get(0).get("body")).contains("退回原因：佐证材料不全，请补充开工许可"));
        assertEquals(BASE + "/tasks/" + task, inbox.get(0).get("link"));
        assertEquals(1, leadHook.acceptedBodies().size());
        assertEquals(title, mapper.readTree(leadHook.acceptedBodies().get(0)).get("title").asText());
        assertEquals(List.of(), titles(inbox("department", tree.co())));
        assertEquals(List.of(), titles(inbox("supervisor", tree.district())));

        // a second return of the same task is a new event: a second notice
        fixture.deliver(fixture.event("task.returned", Long.toString(task),
                fixture.transition(task, tree, "IN_PROGRESS", "仍缺开工许可")));
        worker.drain();
        assertEquals(List.of(title, title), titles(inbox("department", tree.lead())));
        assertEquals(2, leadHook.acceptedBodies().size());
    }

    @Test
    void aRequestForClosureReachesTheSupervisionOfficeThatAssignedTheTask() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "CLOSURE_REQUESTED", TODAY.plusMonths(2), null, 4);
        FeedEvent requested = fixture.event("task.closure-requested", Long.toString(task),
                fixture.transition(task, tree, "CLOSURE_REQUESTED", "110 个项目全部开工"));

        fixture.deliver(requested);
        fixture.deliver(requested);
        worker.drain();

        List<Map<String, Object>> office = inbox("supervisor", tree.district());
        assertEquals(List.of("【申请办结】重点任务“推进重点项目建设" + task + "”申请办结，请审核"), titles(office));
        String body = (String) office.get(0).get("body");
        assertTrue(body.contains("办结说明：110 个项目全部开工"), body);
        assertTrue(body.contains("牵头单位：发展和改革局"), body);
        assertEquals(BASE + "/tasks/" + task, office.get(0).get("link"));
        assertEquals(List.of(), titles(inbox("department", tree.lead())));
    }

    /** A reassignment request as task-service publishes it (a {@code ReassignmentView}). */
    private static Map<String, Object> reassignment(long id, long task, NotifyFixture.Tree tree, String status,
                                                    String newLead, String decisionReason) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("id", id);
        payload.put("taskId", task);
        payload.put("taskTitle", "推进重点项目建设" + task);
        payload.put("orgUnitCode", tree.district());
        payload.put("fromUnitCode", tree.lead());
        payload.put("suggestedUnitCode", tree.co());
        payload.put("reason", "该项工作由统计局牵头更合适");
        payload.put("status", status);
        payload.put("requestedBy", "department@" + tree.lead());
        payload.put("requestedAt", TODAY.atTime(9, 0) + "+08:00");
        payload.put("newLeadUnitCode", newLead);
        payload.put("decisionReason", decisionReason);
        return payload;
    }

    @Test
    void aReassignmentRequestReachesTheOfficeAndItsDecisionTheUnitsConcerned() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", TODAY.plusMonths(2), null, 1);
        FeedEvent requested = fixture.event("task.reassignment-requested", Long.toString(task),
                reassignment(7, task, tree, "PENDING", null, null));
        fixture.deliver(requested);
        fixture.deliver(requested);
        worker.drain();
        List<Map<String, Object>> office = inbox("supervisor", tree.district());
        assertEquals(1, office.size(), "one notice however often the event is delivered");
        String body = (String) office.get(0).get("body");
        assertTrue(((String) office.get(0).get("title")).startsWith("【申请改派】发展和改革局"), body);
        assertTrue(((String) office.get(0).get("title")).endsWith("申请改派重点任务“推进重点项目建设" + task + "”，请审核"),
                body);
        assertTrue(body.contains("改派理由：该项工作由统计局牵头更合适") && body.contains("建议承办单位：统计局"), body);
        assertEquals(BASE + "/tasks/" + task, office.get(0).get("link"));

        FeedEvent granted = fixture.event("task.reassignment-decided", Long.toString(task),
                reassignment(7, task, tree, "GRANTED", tree.co(), "同意由统计局牵头"));
        fixture.deliver(granted);
        worker.drain();
        List<String> told = titles(inbox("department", tree.co()));
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("【改派申请同意】重点任务“推进重点项目建设" + task + "”改由统计局"), told.get(0));
        assertEquals(told, titles(inbox("department", tree.lead())), "the unit that asked is told the same");
        String decided = (String) inbox("department", tree.lead()).get(0).get("body");
        assertTrue(decided.contains("审核意见：同意由统计局牵头"), decided);
    }

    @Test
    void aPublishedAssessmentTellsEachDepartmentItsOwnScoreAndAppealsReachTheOfficeAndBack() {
        NotifyFixture.Tree tree = fixture.tree();
        Map<String, Object> published = new java.util.LinkedHashMap<>();
        published.put("orgUnitCode", tree.district());
        published.put("year", 2027);
        published.put("period", "2027-Q1");
        published.put("rulebookVersion", 2);
        published.put("publishedAt", TODAY.atTime(9, 0) + "+08:00");
        published.put("standings", List.of(
                Map.of("orgUnitCode", tree.co(), "total", 30.5, "rank", 1),
                Map.of("orgUnitCode", tree.lead(), "total", 8.0, "rank", 2)));
        FeedEvent event = fixture.event("assessment.published", tree.district() + "/2027-Q1", published);
        fixture.deliver(event);
        fixture.deliver(event);
        worker.drain();
        List<Map<String, Object>> lead = inbox("department", tree.lead());
        assertEquals(List.of("【考核结果公布】2027年第一季度考核结果已公布，本单位得分 8.0，排名第 2（共 2 个部门）"), titles(lead));
        assertTrue(((String) lead.get(0).get("body")).contains("考核单位：芝罘区"), (String) lead.get(0).get("body"));
        assertEquals(BASE + "/assessments?orgUnit=" + tree.district() + "&year=2027&period=2027-Q1", lead.get(0).get("link"));
        assertEquals(List.of("【考核结果公布】2027年第一季度考核结果已公布，本单位得分 30.5，排名第 1（共 2 个部门）"),
                titles(inbox("department", tree.co())));

        Map<String, Object> appeal = new java.util.LinkedHashMap<>();
        appeal.put("id", 41);
        appeal.put("lineId", "977");
        appeal.put("orgUnitCode", tree.district());
        appeal.put("year", 2027);
        appeal.put("period", "2027-Q1");
        appeal.put("unitCode", tree.lead());
        appeal.put("lineRule", "督办反馈逾期：逾期反馈 -0.5 分/件");
        appeal.put("linePoints", -0.5);
        appeal.put("reason", "已按时通过公文系统反馈");
        appeal.put("status", "PENDING");
        fixture.deliver(fixture.event("appeal.filed", "41", appeal));
        worker.drain();
        List<Map<String, Object>> office = inbox("supervisor", tree.district());
        assertEquals(1, office.stream().filter(m -> ((String) m.get("title")).startsWith("【考核申诉】")).count());
        String filed = office.stream().filter(m -> ((String) m.get("title")).startsWith("【考核申诉】")).findFirst()
                .map(m -> (String) m.get("body")).orElseThrow();
        assertTrue(filed.startsWith("【考核申诉】发展和改革局") && filed.contains("对2027年第一季度考核得分提出申诉")
                && filed.contains("申诉明细：督办反馈逾期") && filed.contains("申诉理由：已按时通过公文系统反馈"), filed);

        appeal.put("status", "ACCEPTED");
        appeal.put("decisionReason", "核实属实");
        appeal.put("correctedPoints", 0);
        fixture.deliver(fixture.event("appeal.decided", "41", appeal));
        worker.drain();
        List<String> told = titles(inbox("department", tree.lead()));
        assertTrue(told.contains("【申诉采纳】本单位对2027年第一季度考核得分的申诉已采纳"), told.toString());
    }

    @Test
    void aClosedTaskTellsItsLeadAndCoUnits() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "CLOSED", TODAY.plusMonths(2), null, 5);
        FeedEvent closed = fixture.event("task.closed", Long.toString(task),
                fixture.transition(task, tree, "CLOSED", "110 个项目全部开工"));

        fixture.deliver(closed);
        fixture.deliver(closed);
        worker.drain();

        String title = "【任务销号】重点任务“推进重点项目建设" + task + "”已办结销号";
        assertEquals(List.of(title), titles(inbox("department", tree.lead())));
        assertEquals(List.of(title), titles(inbox("department", tree.co())));
        assertEquals(List.of(), titles(inbox("supervisor", tree.district())));
        assertEquals(List.of("LEAD", "CO"), db.rows("select party from reminder where task_id = ?1 "
                + "and kind = 'TASK_CLOSED' order by id", task).stream().map(r -> (String) r[0]).toList());
    }

    @Test
    void aReturnedActualTellsTheResponsibleUnitWhyOnceOnEachChannel() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer leadHook = hook(tree, tree.lead());
        long target = fixture.nextId();
        fixture.target(target, tree, "MONTHLY", 15, 2027);
        FeedEvent returned = fixture.event("actual.returned", Long.toString(fixture.nextId()),
                fixture.actualReturned(fixture.nextId(), target, tree, "2027-02", "与统计局快报数据不一致"));

        fixture.deliver(returned);
        fixture.deliver(returned);
        worker.drain();

        String title = "【实绩退回】指标“地区生产总值增速”2027年2月的实绩被退回，请修改后重新报送";
        List<Map<String, Object>> inbox = inbox("department", tree.lead());
        assertEquals(List.of(title), titles(inbox));
        assertTrue(((String) inbox.get(0).get("body")).contains("退回原因：与统计局快报数据不一致"));
        assertEquals(BASE + "/targets/" + target, inbox.get(0).get("link"));
        assertEquals("ACTUAL_RETURNED", inbox.get(0).get("kind"));
        assertEquals(1, leadHook.acceptedBodies().size());
        JsonNode hook = mapper.readTree(leadHook.acceptedBodies().get(0));
        assertEquals(title, hook.get("title").asText());
        assertEquals(BASE + "/targets/" + target, hook.get("link").asText());
        assertEquals("2027-02", hook.get("facts").get("period").asText());
        assertEquals(List.of(), titles(inbox("supervisor", tree.district())));
    }

    @Test
    void anAccountabilityRecordReachesTheUnitConcernedWithTheLinkToItsTask() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 1);
        long record = fixture.nextId();
        FeedEvent recorded = fixture.event("accountability.recorded", Long.toString(record),
                fixture.accountability(record, tree.co(), "NOTICE_CRITICISM", "配合不力，数据迟报", task, null));

        fixture.deliver(recorded);
        fixture.deliver(recorded);
        worker.drain();

        List<Map<String, Object>> inbox = inbox("department", tree.co());
        assertEquals(List.of("【问责通知】统计局" + tree.co().substring(1, tree.co().length() - 2) + "被通报批评"),
                titles(inbox));
        String body = (String) inbox.get(0).get("body");
        assertTrue(body.contains("问责事由：配合不力，数据迟报"), body);
        assertTrue(body.contains("相关任务：推进重点项目建设" + task), body);
        assertEquals(BASE + "/tasks/" + task, inbox.get(0).get("link"));
        assertEquals(List.of(), titles(inbox("department", tree.lead())));
        assertEquals(1, db.count("select count(*) from reminder where subject_type = 'ACCOUNTABILITY' "
                + "and subject_id = ?1 and kind = 'ACCOUNTABILITY_RECORDED'", record));
    }

    @Test
    void aNoticeWaitsOutQuietHoursIsNeverHeldForTheDigestNorWithdrawnByALaterChangeOfItsTask() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district())
                .body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\",\"notify\":[\"LEAD\"]}],\"digest\":true}")
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(200);
        WebhookPeer leadHook = hook(tree, tree.lead());
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 3);

        clock.set(TODAY, LocalTime.of(23, 0));
        fixture.deliver(fixture.event("task.returned", Long.toString(task),
                fixture.transition(task, tree, "IN_PROGRESS", "请补充材料")));
        worker.drain();
        assertEquals(1, inbox("department", tree.lead()).size(), "the inbox gets it at once");
        assertEquals(0, leadHook.calls(), "quiet hours hold the webhook");
        Object[] webhook = db.rows("select d.digest_group, d.next_attempt_at from delivery d join reminder r "
                + "on r.id = d.reminder_id where r.task_id = ?1 and d.channel = 'WEBHOOK'", task).get(0);
        assertNull(webhook[0], "not put in a digest group");
        assertEquals(TODAY.plusDays(1).atTime(7, 30).atZone(TestClock.ZONE).toInstant(), NotifyRows.instant(webhook[1]));
        // the task changes overnight (a report, a new version): that withdraws ladder steps, never a notice
        fixture.task(task, tree, "IN_PROGRESS", TODAY.plusMonths(2), null, 4);

        clock.set(TODAY.plusDays(1), LocalTime.of(7, 30));
        worker.drain();
        assertEquals(1, leadHook.acceptedBodies().size(), "sent when the quiet hours end: not held for the digest, not withdrawn");
    }

    private WebhookPeer hook(NotifyFixture.Tree tree, String unit) {
        WebhookPeer peer = new WebhookPeer(SECRET);
        peers.add(peer);
        TestTokens.as("admin", tree.city()).body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + peer.url()
                + "\",\"secret\":\"" + SECRET + "\"}]}").put("/api/v1/contacts/" + unit).then().statusCode(200);
        return peer;
    }

    private static List<Map<String, Object>> inbox(String role, String unit) {
        return TestTokens.as(role, unit).queryParam("size", 100).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<String> titles(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> (String) m.get("title")).toList();
    }
}
