package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change is published to the feed in its own transaction, with what consumers need. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class EventsTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @Inject
    org.kpi.task.tasks.TaskRepublish republish;

    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProgressReportIsPublishedWithItsUnitAndBusinessDay() {
        // 23:30 in Shanghai is still the same business day, though UTC has moved on only 15:30
        clock.set(LocalDate.of(2026, 9, 4).atTime(23, 30).atZone(TestClock.ZONE).toInstant());
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "周报任务");
        TaskApi.assign(tree, task);
        long after = Feeds.endSeq();
        TaskApi.report(tree.a2(), task, 10);

        Map<String, Object> filed = Feeds.readAfter(after).stream()
                .filter(e -> "progress-report.filed".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals(String.valueOf(task), filed.get("key"));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) filed.get("payload");
        assertEquals(((Number) payload.get("taskId")).longValue(), task);
        assertEquals(tree.a2(), payload.get("unitCode"));
        assertEquals("CO", payload.get("role"));
        assertEquals("2026-09-04", payload.get("reportedOn"));
        assertTrue(payload.get("reportId") instanceof Number);
    }

    /**
     * Once per payload generation every task is published as it stands, at its own version, with
     * what readers that came later need (category, linked target, when it was handed out) and who is
     * yet to sign; a second run does nothing.
     */
    @Test
    void everyTaskIsRepublishedOnceAtItsVersionWithWhatTheEventCarriesToday() {
        clock.setDate(LocalDate.of(2026, 9, 2));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "补发事件的任务");
        TaskApi.assign(tree, task);
        long version = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + task).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        long after = Feeds.endSeq();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from job_run where job = ?1").setParameter(1, org.kpi.task.tasks.TaskRepublish.JOB).executeUpdate());
        assertTrue(republish.runOnce().orElseThrow() >= 1);
        List<Map<String, Object>> mine = Feeds.readAfter(after).stream()
                .filter(e -> "task.upserted".equals(e.get("type")) && String.valueOf(task).equals(e.get("key"))).toList();
        assertEquals(1, mine.size(), "the task once");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) mine.get(0).get("payload");
        assertEquals(version, ((Number) payload.get("version")).longValue(), "at the version it has");
        assertEquals("ASSIGNED", payload.get("status"));
        assertTrue(payload.containsKey("category") && payload.containsKey("targetId"));
        assertTrue(payload.get("assignedAt") != null, "when it was handed out");
        assertTrue(((List<?>) payload.get("unsignedUnitCodes")).contains(tree.a1()), "who is yet to sign");
        long end = Feeds.endSeq();
        assertTrue(republish.runOnce().isEmpty(), "the generation is done");
        assertEquals(end, Feeds.endSeq(), "nothing published twice");
    }

    @Test
    void aChangeThatAltersNothingTheUpsertCarriesPublishesNoUpsert() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "只改进度的任务");
        TaskApi.assign(tree, task);
        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + task + "/sign-for").then().statusCode(200);
        long afterAssign = Feeds.endSeq();
        TaskApi.report(tree.a1(), task, 10);
        long afterFirstReport = Feeds.endSeq();
        TaskApi.report(tree.a1(), task, 40);
        TaskApi.report(tree.a2(), task, 60);

        // the first report starts the task (ASSIGNED -> IN_PROGRESS) and signs for it: the upsert carries
        // the new status and the units still to sign
        List<String> first = typesOf(task, Feeds.readAfter(afterAssign).stream()
                .filter(e -> ((Number) e.get("seq")).longValue() <= afterFirstReport).toList());
        assertEquals(List.of("task.upserted", "task.signed-for", "progress-report.filed"), first);
        Map<String, Object> started = Feeds.readAfter(afterAssign).stream()
                .filter(e -> "task.upserted".equals(e.get("type")) && String.valueOf(task).equals(e.get("key")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) started.get("payload");
        assertEquals("IN_PROGRESS", payload.get("status"));
        // later reports change only the percentage, which task.upserted does not carry
        assertEquals(List.of("progress-report.filed", "progress-report.filed"),
                typesOf(task, Feeds.readAfter(afterFirstReport)));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("percentDone", equalTo(40));
        // the audit log still records every change of the task
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/audit?entity=task&id=" + task).then()
                .statusCode(200).body("items.action", hasItems("create", "assign", "report"))
                .body("items.findAll { it.action == 'report' }.size()", equalTo(3));
    }

    private static List<String> typesOf(long task, List<Map<String, Object>> events) {
        return events.stream().filter(e -> String.valueOf(task).equals(e.get("key")))
                .map(e -> (String) e.get("type")).toList();
    }

    @Test
    void lifecycleSupervisionAndAccountabilityArePublished() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long after = Feeds.endSeq();
        long task = TaskApi.inState(tree, "CLOSURE_REQUESTED");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(task))
                .body("{\"reason\":\"补充材料\"}")
                .post("/api/v1/tasks/" + task + "/return").then().statusCode(200);
        TaskApi.requestClosure(tree, task);
        TestTokens.as("supervisor", tree.districtA()).body("{\"level\":\"SUPERVISE\",\"reason\":\"督办\","
                + "\"respondBy\":\"2026-09-10\"}").post("/api/v1/tasks/" + task + "/supervision-orders").then()
                .statusCode(201);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(task))
                .post("/api/v1/tasks/" + task + "/close").then().statusCode(200);
        TestTokens.as("supervisor", tree.districtA()).body("{\"orgUnitCode\":\"" + tree.a1()
                + "\",\"kind\":\"NOTICE_CRITICISM\",\"reason\":\"通报\"}").post("/api/v1/accountability-records")
                .then().statusCode(201);

        JsonPath feed = TestTokens.as("service", "platform").get("/api/v1/events?after=" + after + "&limit=500")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = feed.getList("items");
        List<String> types = events.stream()
                .filter(e -> String.valueOf(task).equals(e.get("key"))
                        || "supervision-order.issued".equals(e.get("type"))
                        || "accountability.recorded".equals(e.get("type")))
                .map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("task.upserted", "task.upserted", "task.upserted", "task.signed-for", "progress-report.filed",
                "task.upserted", "task.closure-requested", "task.upserted", "task.returned", "task.upserted",
                "task.closure-requested", "supervision-order.issued", "task.upserted", "task.closed",
                "accountability.recorded"), types);

        Map<String, Object> created = events.stream().filter(e -> "task.upserted".equals(e.get("type"))
                && String.valueOf(task).equals(e.get("key"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) created.get("payload");
        assertEquals(tree.a1(), payload.get("leadUnitCode"));
        assertEquals(List.of(tree.a2()), payload.get("coUnitCodes"));
        assertEquals("2026-12-31", payload.get("dueDate"));
        assertEquals("MONTHLY", payload.get("reportingCadence"));
        assertEquals("DRAFT", payload.get("status"));
        assertTrue(payload.get("milestones").toString().contains("2026-08-31"));
        assertTrue(payload.get("title").toString().startsWith("状态"));
    }

    @Test
    void aSupervisionOrderIssuedAndAnsweredIsPublishedWithItsTaskAndResponseTime() {
        clock.set(LocalDate.of(2026, 9, 3).atTime(10, 15).atZone(TestClock.ZONE).toInstant());
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "督办反馈任务");
        TaskApi.assign(tree, task);
        long after = Feeds.endSeq();
        long order = TestTokens.as("supervisor", tree.districtA()).body("{\"level\":\"LISTED\",\"reason\":\"进度滞后\","
                + "\"respondBy\":\"2026-09-10\"}").post("/api/v1/tasks/" + task + "/supervision-orders").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        clock.set(LocalDate.of(2026, 9, 5).atTime(16, 0).atZone(TestClock.ZONE).toInstant());
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.orderETag(order))
                .body("{\"text\":\"已整改\"}").post("/api/v1/supervision-orders/" + order + "/response").then()
                .statusCode(200);

        List<Map<String, Object>> events = Feeds.readAfter(after);
        List<Map<String, Object>> responded = events.stream()
                .filter(e -> "supervision-order.responded".equals(e.get("type"))).toList();
        assertEquals(1, responded.size(), "one event per response");
        assertEquals(String.valueOf(order), responded.get(0).get("key"));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) responded.get(0).get("payload");
        assertEquals(order, ((Number) payload.get("id")).longValue());
        assertEquals(task, ((Number) payload.get("taskId")).longValue());
        assertEquals(tree.a1(), payload.get("leadUnitCode"));
        assertEquals(LocalDate.of(2026, 9, 5).atTime(16, 0).atZone(TestClock.ZONE).toInstant(),
                OffsetDateTime.parse((String) payload.get("respondedAt")).toInstant());

        Map<String, Object> issued = events.stream()
                .filter(e -> "supervision-order.issued".equals(e.get("type")) && String.valueOf(order).equals(e.get("key")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> issuedPayload = (Map<String, Object>) issued.get("payload");
        assertEquals("LISTED", issuedPayload.get("level"));
        assertEquals("2026-09-10", issuedPayload.get("respondBy"));
        assertEquals(tree.a1(), issuedPayload.get("leadUnitCode"));
    }

    @Test
    void feedIsForServicesOnly() {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(TestTokens.as("supervisor", tree.city()).get("/api/v1/events").then()).statusCode(403);
    }
}
