package org.kpi.goals.actuals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ActualFlowTest {

    @Inject
    TestClock clock;

    Fixture f;
    String projects;
    long target;

    @BeforeEach
    void data() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        f = new Fixture();
        projects = f.projects();
        target = f.target(projects, f.districtA, f.deptA1, "120");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String actual(String period, String value) {
        return "{\"period\":\"" + period + "\",\"value\":" + value + ",\"note\":\"统计局快报\"}";
    }

    @Test
    void responsibleDepartmentSubmitsAndSupervisorApprovesThenThePeriodIsLocked() {
        long id = f.submit(target, "2026-06", "60", f.deptA1);
        TestTokens.as("supervisor", f.districtA).get("/api/v1/targets/" + target + "/progress")
                .then().body("latestPeriod", equalTo(null)).body("colour", equalTo("RED"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("supervisor@" + f.districtA));
        TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + target + "/progress").then().statusCode(200)
                .body("latestPeriod", equalTo("2026-06"))
                .body("actual", equalTo(60))
                .body("completionRatio", equalTo(0.5f))
                .body("expectedRatio", equalTo(0.5f))
                .body("colour", equalTo("BLUE"))
                .body("stretchReached", equalTo(false))
                .body("asOf", equalTo("2026-07-20"));
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "61")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(409).contentType("application/problem+json");
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:kpi:problem:illegal-transition"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .body("{\"reason\":\"晚了\"}").post("/api/v1/actuals/" + id + "/return")
                .then().statusCode(409);
    }

    @Test
    void theApprovalQueueListsSubmittedActualsOldestFirstAndOnlyWithinTheCallersScope() {
        long other = f.target(projects, f.districtB, f.deptB1, "80");
        long june = f.submit(target, "2026-06", "60", f.deptA1);
        clock.setDate(LocalDate.of(2026, 7, 21));
        long may = f.submit(target, "2026-05", "50", f.deptA1);
        long foreign = f.submit(other, "2026-06", "40", f.deptB1);
        String queue = "/api/v1/actuals?status=SUBMITTED&orgUnit=" + f.districtA;
        TestTokens.as("supervisor", f.districtA).get(queue).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of((int) june, (int) may)))
                .body("items[0].indicatorCode", equalTo(projects))
                .body("items[0].responsibleUnitCode", equalTo(f.deptA1));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/actuals?status=SUBMITTED").then().statusCode(200)
                .body("items.id", not(hasItem((int) foreign)));
        TestTokens.as("supervisor", f.districtB).get(queue).then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("department", f.deptA2).get("/api/v1/actuals?status=SUBMITTED").then().statusCode(200)
                .body("total", equalTo(0));
        TestTokens.as("department", f.deptA1).get("/api/v1/actuals").then().statusCode(200)
                .body("items.id", hasItems((int) june, (int) may)).body("items.id", not(hasItem((int) foreign)));
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(june))
                .post("/api/v1/actuals/" + june + "/approve").then().statusCode(200);
        TestTokens.as("supervisor", f.districtA).get(queue).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) may)));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/actuals?status=APPROVED&orgUnit=" + f.districtA)
                .then().statusCode(200).body("items.id", equalTo(List.of((int) june)));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/actuals?status=PENDING").then().statusCode(400)
                .contentType("application/problem+json");
        TestTokens.as("service", "SYSTEM").get("/api/v1/actuals").then().statusCode(403);
    }

    @Test
    void approvalAndReturnWithoutIfMatchAre428AndChangeNothing() {
        long id = f.submit(target, "2026-06", "60", f.deptA1);
        TestTokens.as("supervisor", f.districtA).post("/api/v1/actuals/" + id + "/approve").then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kpi:problem:precondition-required"));
        TestTokens.as("supervisor", f.districtA).body("{\"reason\":\"数据有误\"}").post("/api/v1/actuals/" + id + "/return")
                .then().statusCode(428).body("type", equalTo("urn:kpi:problem:precondition-required"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/actuals/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("status", equalTo("SUBMITTED"));
    }

    @Test
    void approvalAndReturnWithAStaleIfMatchAre409AndChangeNothing() {
        long id = f.submit(target, "2026-06", "60", f.deptA1);
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"5\"").post("/api/v1/actuals/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"5\"").body("{\"reason\":\"数据有误\"}")
                .post("/api/v1/actuals/" + id + "/return")
                .then().statusCode(409).body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/actuals/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"0\"").post("/api/v1/actuals/" + id + "/approve")
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
    }

    @Test
    void supervisorRestatesAnApprovedPeriodKeepingEveryVersion() {
        long first = f.approved(target, "2026-06", "60", f.deptA1, f.districtA);
        TestTokens.as("supervisor", f.districtA)
                .body("{\"period\":\"2026-06\",\"value\":54,\"restatementReason\":\"统计局年中数据修订\"}")
                .post("/api/v1/targets/" + target + "/actuals").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("revision", equalTo(2))
                .body("restatementReason", equalTo("统计局年中数据修订"));
        TestTokens.as("department", f.deptA1).get("/api/v1/targets/" + target + "/actuals").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", equalTo(List.of("SUPERSEDED", "APPROVED")))
                .body("items.value", equalTo(List.of(60, 54)))
                .body("items[0].id", equalTo((int) first));
        TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + target + "/progress")
                .then().body("actual", equalTo(54)).body("colour", equalTo("YELLOW"));
    }

    @Test
    void restatementNeedsASupervisorAndAnApprovedPeriod() {
        f.submit(target, "2026-05", "40", f.deptA1);
        TestTokens.as("supervisor", f.districtA)
                .body("{\"period\":\"2026-05\",\"value\":41,\"restatementReason\":\"修订\"}")
                .post("/api/v1/targets/" + target + "/actuals").then().statusCode(409);
        TestTokens.as("department", f.deptA1)
                .body("{\"period\":\"2026-05\",\"value\":41,\"restatementReason\":\"修订\"}")
                .post("/api/v1/targets/" + target + "/actuals").then().statusCode(403);
    }

    @Test
    void returnedPeriodCanBeReportedAgain() {
        long id = f.submit(target, "2026-06", "600", f.deptA1);
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .body("{}").post("/api/v1/actuals/" + id + "/return")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .body("{\"reason\":\"数值多录了一个零\"}").post("/api/v1/actuals/" + id + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("returnReason", equalTo("数值多录了一个零"));
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(409);
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "60")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(201).body("revision", equalTo(2)).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void onlyTheResponsibleDepartmentReportsAndOnlySupervisorsInScopeDecide() {
        TestTokens.as("department", f.deptA2).body(actual("2026-06", "60")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(404);
        TestTokens.as("department", f.deptB1).body(actual("2026-06", "60")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(404);
        TestTokens.as("supervisor", f.districtA).body(actual("2026-06", "60")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(403);
        TestTokens.as("leader", f.districtA).body(actual("2026-06", "60")).post("/api/v1/targets/" + target + "/actuals")
                .then().statusCode(403);
        long id = f.submit(target, "2026-06", "60", f.deptA1);
        TestTokens.as("department", f.deptA1).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(403);
        TestTokens.as("leader", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(404);
        TestTokens.as("department", f.deptA2).get("/api/v1/actuals/" + id).then().statusCode(404);
        TestTokens.as("supervisor", f.city).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(200);
    }

    @Test
    void badActualsAreRefusedWithoutEffect() {
        String path = "/api/v1/targets/" + target + "/actuals";
        TestTokens.as("department", f.deptA1).body(actual("2026-Q2", "60")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("period"));
        TestTokens.as("department", f.deptA1).body(actual("2025-06", "60")).post(path).then().statusCode(400);
        TestTokens.as("department", f.deptA1).body(actual("2026-09", "60")).post(path).then().statusCode(400);
        TestTokens.as("department", f.deptA1).body(actual("2026-6", "60")).post(path).then().statusCode(400);
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "-1")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("value"));
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "2.5")).post(path).then().statusCode(400);
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "\"many\"")).post(path).then().statusCode(400);
        TestTokens.as("department", f.deptA1).body("{\"value\":3}").post(path).then().statusCode(400)
                .body("errors.field", hasItem("period"));
        TestTokens.as("department", f.deptA1).body(actual("2026-06", "60")).post("/api/v1/targets/999999999/actuals")
                .then().statusCode(404);
        TestTokens.as("department", f.deptA1).get(path).then().body("total", equalTo(0));
    }

    @Test
    void levelInPercentStaysWithinHundred() {
        String rate = f.indicator("L", "12345热线办结率", "%", "LEVEL", "HIGHER_IS_BETTER", "MONTHLY");
        long level = f.target(rate, f.districtA, f.deptA2, "95");
        TestTokens.as("department", f.deptA2).body(actual("2026-06", "101")).post("/api/v1/targets/" + level + "/actuals")
                .then().statusCode(400);
        f.approved(level, "2026-06", "96.5", f.deptA2, f.districtA);
        TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + level + "/progress")
                .then().body("colour", equalTo("BLUE")).body("actual", equalTo(96.5f));
    }

    @Test
    void everyStepIsOnTheFeed() {
        long before = Feeds.endSeq();
        long id = f.submit(target, "2026-06", "60", f.deptA1);
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(200);
        long other = f.submit(target, "2026-05", "1", f.deptA1);
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(other))
                .body("{\"reason\":\"不对\"}").post("/api/v1/actuals/" + other + "/return")
                .then().statusCode(200);
        TestTokens.as("service", "SYSTEM").get("/api/v1/events?after=" + before + "&limit=500").then().statusCode(200)
                .body("items.type", hasItems("actual.submitted", "actual.approved", "actual.returned", "target.status-changed"))
                .body("items.find { it.type == 'target.status-changed' }.payload.from", equalTo("RED"))
                .body("items.find { it.type == 'target.status-changed' }.payload.to", equalTo("BLUE"))
                .body("items.find { it.type == 'actual.approved' }.payload.responsibleUnitCode", equalTo(f.deptA1));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/audit?entity=actual&id=" + id).then()
                .body("items.action", equalTo(List.of("approve", "submit")));
    }
}
