package org.kpi.goals.actuals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.goals.Fixture;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Report once (一次填报，多处复用): a lead unit's progress report on a task linked to a target, read
 * from task-service's feed (stubbed here with events shaped as task-service publishes them),
 * proposes the target's actual for the period — one per period, updated by later reports until
 * a supervisor approves it, which moves the target's progress.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class TaskReportActualsTest {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final AtomicLong REPORT = new AtomicLong(System.currentTimeMillis());

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;


    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Puts {@code progress-report.filed} on the stubbed task feed and applies it; returns the report id. */
    private long report(long reportId, long taskId, Long targetId, String role, String reportedOn, String reached,
                        String unit) {
        return report(reportId, taskId, targetId, role, reportedOn, reached, unit, "个");
    }

    private long report(long reportId, long taskId, Long targetId, String role, String reportedOn, String reached,
                        String unit, String quantityUnit) {
        long seq = SEQ.incrementAndGet();
        String payload = "{\"reportId\":" + reportId + ",\"taskId\":" + taskId + ",\"unitCode\":\"" + unit
                + "\",\"role\":\"" + role + "\",\"reportedOn\":\"" + reportedOn + "\",\"reportedAt\":\""
                + Instant.now() + "\",\"targetId\":" + targetId + ",\"quantityReached\":" + reached
                + ",\"quantityUnit\":\"" + quantityUnit + "\",\"reportedBy\":\"department@" + unit + "\"}";
        RestAssured.given().contentType("application/json; charset=UTF-8")
                .body("{\"seq\":" + seq + ",\"type\":\"progress-report.filed\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"key\":\"" + taskId + "\",\"payload\":" + payload + "}")
                .post(stubUrl() + "/control/events?seq=" + seq).then().statusCode(204);
        consumer.drain("task");
        return reportId;
    }

    /** Read when used, not injected: the other tests of this service run without the stub. */
    private static String stubUrl() {
        return ConfigProvider.getConfig().getValue("feed-stub.url", String.class);
    }

    private static List<Map<String, Object>> actuals(Fixture f, long target) {
        return TestTokens.as("supervisor", f.districtA).get("/api/v1/targets/" + target + "/actuals?size=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void reportsOfOnePeriodProposeOneActualThatApprovalCounts() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        long target = f.target(f.projects(), f.districtA, f.deptA1, "120");
        f.approved(target, "2026-06", "50", f.deptA1, f.districtA);
        long task = 77_000 + REPORT.get() % 1000;

        long first = report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-07-10", "60", f.deptA1);
        List<Map<String, Object>> july = actuals(f, target).stream().filter(a -> "2026-07".equals(a.get("period")))
                .toList();
        assertEquals(1, july.size());
        Map<String, Object> proposed = july.get(0);
        assertEquals("SUBMITTED", proposed.get("status"));
        assertEquals(10, ((Number) proposed.get("value")).intValue(), "60 reached less the 50 approved for June");
        assertEquals(first, ((Number) proposed.get("sourceReportId")).longValue());
        assertEquals(task, ((Number) proposed.get("sourceTaskId")).longValue());
        assertEquals("department@" + f.deptA1, proposed.get("submittedBy"));

        // a later report in the period updates the proposal; a replayed older one, a co-unit's and one
        // without a target change nothing
        long second = report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-07-18", "75", f.deptA1);
        report(first, task, target, "LEAD", "2026-07-10", "60", f.deptA1);
        report(REPORT.incrementAndGet(), task, target, "CO", "2026-07-19", "999", f.deptA2);
        report(REPORT.incrementAndGet(), task, null, "LEAD", "2026-07-19", "998", f.deptA1);
        july = actuals(f, target).stream().filter(a -> "2026-07".equals(a.get("period"))).toList();
        assertEquals(1, july.size());
        long id = ((Number) july.get(0).get("id")).longValue();
        assertEquals(25, ((Number) july.get(0).get("value")).intValue());
        assertEquals(second, ((Number) july.get(0).get("sourceReportId")).longValue());
        assertEquals(1, ((Number) july.get(0).get("revision")).intValue());

        // the supervisor approves the proposal as any other; the target's progress moves
        JsonPath approved = TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(id))
                .post("/api/v1/actuals/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).extract().jsonPath();
        assertEquals(second, approved.getLong("sourceReportId"));
        JsonPath progress = TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + target + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2026-07", progress.getString("latestPeriod"));
        assertEquals(75, progress.getInt("actual"));
        assertEquals(0.625, progress.getDouble("completionRatio"), 1e-9);

        // an approved period is locked: a further July report proposes nothing
        report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-07-30", "80", f.deptA1);
        assertEquals(1, actuals(f, target).stream().filter(a -> "2026-07".equals(a.get("period"))).count());

        // August's report proposes August's share
        clock.setDate(LocalDate.of(2026, 8, 5));
        long august = report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-08-05", "90", f.deptA1);
        Map<String, Object> aug = actuals(f, target).stream().filter(a -> "2026-08".equals(a.get("period")))
                .findFirst().orElseThrow();
        assertEquals(15, ((Number) aug.get("value")).intValue());
        assertEquals(august, ((Number) aug.get("sourceReportId")).longValue());
    }

    @Test
    void aPeriodReportedByHandIsLeftAsItIsAndARateIsProposedAsReported() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        long growth = f.target(f.gdpGrowth(), f.districtA, f.deptA1, "6.5");
        long byHand = f.submit(growth, "2026-07", "6.1", f.deptA1);
        report(REPORT.incrementAndGet(), 88_001, growth, "LEAD", "2026-07-19", "7.2", f.deptA1, "%");
        List<Map<String, Object>> all = actuals(f, growth);
        assertEquals(1, all.size());
        assertEquals(byHand, ((Number) all.get(0).get("id")).longValue());
        assertEquals(6.1, ((Number) all.get(0).get("value")).doubleValue(), 1e-6);
        assertNull(all.get(0).get("sourceReportId"));

        // once the hand-made one is returned, the next report proposes the period anew
        TestTokens.as("supervisor", f.districtA).header("If-Match", Fixture.actualETag(byHand))
                .body("{\"reason\":\"口径不对\"}").post("/api/v1/actuals/" + byHand + "/return").then().statusCode(200);
        long next = report(REPORT.incrementAndGet(), 88_001, growth, "LEAD", "2026-07-20", "6.4", f.deptA1, "%");
        Map<String, Object> proposed = actuals(f, growth).stream().filter(a -> "SUBMITTED".equals(a.get("status")))
                .findFirst().orElseThrow();
        assertEquals(6.4, ((Number) proposed.get("value")).doubleValue(), 1e-6, "a rate is taken as reported");
        assertEquals(2, ((Number) proposed.get("revision")).intValue());
        assertEquals(next, ((Number) proposed.get("sourceReportId")).longValue());
    }

    @Test
    void anotherTasksReportAQuantityInAnotherUnitAndAnEarlierPeriodAwaitingReviewAreRespected() {
        clock.setDate(LocalDate.of(2026, 8, 20));
        Fixture f = new Fixture();
        long target = f.target(f.projects(), f.districtA, f.deptA1, "120");
        long task = 99_000 + REPORT.get() % 1000;
        // July's proposal awaits review when August's report comes: August counts only what is new
        report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-07-25", "30", f.deptA1);
        report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-08-10", "50", f.deptA1);
        Map<String, Object> august = actuals(f, target).stream().filter(a -> "2026-08".equals(a.get("period")))
                .findFirst().orElseThrow();
        assertEquals(20, ((Number) august.get("value")).intValue(), "50 reached less July's 30 awaiting review");

        // another task linked to the same target does not overwrite this task's proposal
        report(REPORT.incrementAndGet(), task + 1, target, "LEAD", "2026-08-15", "5", f.deptA1);
        // nor does a quantity counted in another unit than the indicator's
        report(REPORT.incrementAndGet(), task, target, "LEAD", "2026-08-16", "60", f.deptA1, "万元");
        august = actuals(f, target).stream().filter(a -> "2026-08".equals(a.get("period"))).findFirst().orElseThrow();
        assertEquals(20, ((Number) august.get("value")).intValue());
        assertEquals(task, ((Number) august.get("sourceTaskId")).longValue());
        assertEquals(2, actuals(f, target).size());
    }
}
