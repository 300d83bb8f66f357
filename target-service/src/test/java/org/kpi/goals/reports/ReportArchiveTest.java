package org.kpi.goals.reports;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.goals.Fixture;
import org.kpi.goals.assessment.TaskFeed;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kpi.goals.reports.WeeklyDispatchTest.task;
import static org.kpi.goals.reports.WeeklyDispatchTest.upsert;

/**
 * Schedules and the archive (定时印发 · 文件归档): a schedule issues its document once when it falls
 * due — however many times, and from however many threads, the scheduler fires — the document is
 * kept as issued and goes on the feed as {@code report.issued}; a supervisor may issue one at once,
 * once per period; the units under the district read what was issued.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class ReportArchiveTest {

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;

    @Inject
    ReportScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aScheduleIssuesItsDocumentOnceWhenItFallsDueAndItGoesOnTheFeed() throws Exception {
        clock.set(LocalDate.of(2026, 11, 19), LocalTime.of(10, 0));
        Fixture f = new Fixture();
        String a = f.districtA;
        TaskFeed feed = new TaskFeed(consumer);
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA1, "重点项目开工", "IN_PROGRESS", "2026-11-10", "WEEKLY", 2));

        TestTokens.as("leader", a).get("/api/v1/reports/schedules?orgUnit=" + a).then().statusCode(200)
                .body("kind", contains("WEEKLY", "MONTHLY", "QUARTERLY")).body("day", contains(5, 3, 10))
                .body("time", contains("16:00:00", "16:00:00", "16:00:00")).body("enabled", contains(false, false, false))
                .body("nextRun", contains(nullValue(), nullValue(), nullValue()));
        String weekly = "/api/v1/reports/schedules/" + a + "/WEEKLY";
        TestTokens.as("department", f.deptA1).body("{\"enabled\":true}").put(weekly).then().statusCode(403);
        TestTokens.as("leader", a).body("{\"enabled\":true}").put(weekly).then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).body("{\"enabled\":true}").put(weekly).then().statusCode(404);
        TestTokens.as("supervisor", a).body("{\"enabled\":true,\"day\":8}").put(weekly).then().statusCode(400)
                .body("errors[0].field", equalTo("day"));
        TestTokens.as("supervisor", a).body("{\"enabled\":true,\"time\":\"25:00\"}").put(weekly).then().statusCode(400)
                .body("errors[0].field", equalTo("time"));
        TestTokens.as("supervisor", a).body("{\"enabled\":true}").put(weekly).then().statusCode(200)
                .body("day", equalTo(5)).body("nextRun", equalTo("2026-11-20T16:00:00+08:00"));

        // Thursday: last Friday's run came before the schedule was set; nothing is owed yet
        assertEquals(0, scheduler.runDue());
        long after = Feeds.endSeq();
        // Friday 16:00:30: the week's list is due — issued once, however often and from however many threads
        clock.set(LocalDate.of(2026, 11, 20), LocalTime.of(16, 0, 30));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(scheduler::runDue, scheduler::runDue,
                    scheduler::runDue));
            int issued = 0;
            for (Future<Integer> run : runs) {
                issued += run.get();
            }
            assertEquals(1, issued, "one document for the week, whoever fired");
        } finally {
            pool.shutdown();
        }
        assertEquals(0, scheduler.runDue());

        TestTokens.as("department", f.deptA2).get("/api/v1/reports/archive?orgUnit=" + a).then().statusCode(200)
                .body("size()", equalTo(0));
        JsonPath listed = TestTokens.as("leader", a).get("/api/v1/reports/archive?orgUnit=" + a).then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].kind", equalTo("WEEKLY"))
                .body("[0].period", equalTo("2026-W47")).body("[0].issuedBy", equalTo("schedule"))
                .body("[0].title", equalTo("甲区周调度清单（2026年第47周（11月16日—11月22日））"))
                .extract().jsonPath();
        long id = listed.getLong("[0].id");
        byte[] file = TestTokens.as("service", "platform").accept("*/*").get("/api/v1/reports/archive/" + id + "/file")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(listed.getString("[0].sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(file)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(1, (int) book.getSheet(WeeklyWorkbook.OVERDUE).getLastRowNum() - 1,
                    "the overdue task on its sheet");
        }
        List<Map<String, Object>> events = TestTokens.as("service", "platform")
                .get("/api/v1/events?after=" + after + "&limit=500").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(e -> "report.issued".equals(e.get("type"))).toList();
        assertEquals(1, events.size(), "one report.issued");
        Map<String, Object> payload = (Map<String, Object>) events.get(0).get("payload");
        assertEquals(List.of(id, a, "甲区", "WEEKLY", "周调度清单", "2026-W47", "/api/v1/reports/archive/" + id + "/file",
                        "/reports?orgUnit=" + a + "&archive=" + id, (long) file.length),
                List.of(((Number) payload.get("id")).longValue(), payload.get("orgUnitCode"), payload.get("orgUnitName"),
                        payload.get("kind"), payload.get("kindLabel"), payload.get("period"), payload.get("filePath"),
                        payload.get("consolePath"), ((Number) payload.get("size")).longValue()));
        assertEquals("截至11月20日，在办任务1项，其中逾期1项；未来两周到期0项（含节点），本周未按期完成节点0个，"
                + "本周未报进展单位1个，本周新下督办单0件。", payload.get("summary"));

        // the next Friday's run issues the next week's, and only that
        clock.set(LocalDate.of(2026, 11, 27), LocalTime.of(17, 0));
        assertEquals(1, scheduler.runDue());
        TestTokens.as("leader", a).get("/api/v1/reports/archive?orgUnit=" + a + "&kind=WEEKLY").then().statusCode(200)
                .body("period", contains("2026-W48", "2026-W47"));
    }

    @Test
    void aSupervisorIssuesADocumentOncePerPeriodAndItStaysAsIssued() {
        clock.set(LocalDate.of(2026, 10, 10), LocalTime.of(9, 0));
        Fixture f = new Fixture();
        String a = f.districtA;
        TaskFeed feed = new TaskFeed(consumer);
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA1, "重点项目开工", "IN_PROGRESS", "2026-09-20", "NONE", 2));
        String body = "{\"orgUnitCode\":\"" + a + "\",\"kind\":\"QUARTERLY\",\"period\":\"2026-Q3\"}";
        TestTokens.as("leader", a).body(body).post("/api/v1/reports/archive").then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).body(body).post("/api/v1/reports/archive").then().statusCode(404);
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"kind\":\"QUARTERLY\",\"period\":\"2026-10\"}")
                .post("/api/v1/reports/archive").then().statusCode(400).body("errors[0].field", equalTo("period"));
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"kind\":\"QUARTERLY\",\"period\":\"2027-Q1\"}")
                .post("/api/v1/reports/archive").then().statusCode(400);
        JsonPath issued = TestTokens.as("supervisor", a).body(body).post("/api/v1/reports/archive").then().statusCode(201)
                .body("title", equalTo("甲区2026年第三季度重点指标运行分析")).body("issuedBy", equalTo("supervisor@" + a))
                .extract().jsonPath();
        long id = issued.getLong("id");
        TestTokens.as("supervisor", a).body(body).post("/api/v1/reports/archive").then().statusCode(409);
        // the analysis is for the office and the leaders: a department under the district does not read it
        TestTokens.as("department", f.deptA1).accept("*/*").get("/api/v1/reports/archive/" + id + "/file").then()
                .statusCode(404);
        byte[] first = TestTokens.as("supervisor", a).accept("*/*").get("/api/v1/reports/archive/" + id + "/file")
                .then().statusCode(200).extract().asByteArray();
        // the facts move on; the issued document does not
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA2, "新增任务", "IN_PROGRESS", "2026-09-01", "NONE", 2));
        clock.set(LocalDate.of(2026, 10, 20), LocalTime.of(9, 0));
        byte[] later = TestTokens.as("leader", a).accept("*/*").get("/api/v1/reports/archive/" + id + "/file")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(first, later, "an issued document never changes");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(first))) {
            assertEquals("甲区2026年第三季度重点指标运行分析", doc.getParagraphs().get(0).getText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // a month default: the month before; the month still running cannot be issued (it would stand for good)
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"kind\":\"MONTHLY\",\"period\":\"2026-10\"}")
                .post("/api/v1/reports/archive").then().statusCode(400).body("errors[0].field", equalTo("period"));
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + f.deptA1 + "\",\"kind\":\"MONTHLY\"}")
                .post("/api/v1/reports/archive").then().statusCode(400).body("errors[0].field", equalTo("orgUnit"));
        long bulletin = TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"kind\":\"MONTHLY\"}")
                .post("/api/v1/reports/archive").then().statusCode(201).body("period", equalTo("2026-09"))
                .extract().jsonPath().getLong("id");
        // the bulletin is circulated: the departments under the district read it; readers outside see nothing
        TestTokens.as("department", f.deptA1).get("/api/v1/reports/archive?orgUnit=" + a).then().statusCode(200)
                .body("kind", contains("MONTHLY"));
        TestTokens.as("department", f.deptA1).accept("*/*").get("/api/v1/reports/archive/" + bulletin + "/file").then()
                .statusCode(200);
        TestTokens.as("department", f.deptB1).get("/api/v1/reports/archive/" + id).then().statusCode(404);
        TestTokens.as("department", f.deptB1).get("/api/v1/reports/archive/" + bulletin).then().statusCode(404);
        TestTokens.as("department", f.deptB1).accept("*/*").get("/api/v1/reports/archive/" + id + "/file").then()
                .statusCode(404);
        TestTokens.as("supervisor", f.districtB).get("/api/v1/reports/archive?orgUnit=" + a).then().statusCode(404);
        TestTokens.as("leader", f.city).get("/api/v1/reports/archive?orgUnit=" + a).then().statusCode(200)
                .body("kind", contains("MONTHLY", "QUARTERLY"));
    }
}
