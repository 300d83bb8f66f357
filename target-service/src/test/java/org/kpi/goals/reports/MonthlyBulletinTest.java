package org.kpi.goals.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.goals.Fixture;
import org.kpi.goals.assessment.TaskFeed;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kpi.goals.reports.WeeklyDispatchTest.task;
import static org.kpi.goals.reports.WeeklyDispatchTest.upsert;

/**
 * The October bulletin (督查通报) of a district with three departments, issued on 3 November 2026:
 * its figures worked out by hand from the tasks and targets below, the units praised and named, the
 * ranking with and without an assessment rulebook; the Word document read back carries the same
 * figures, and is kept in {@code target/documents/} for LibreOffice to render in {@code .ci/run}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class MonthlyBulletinTest {

    static final Path DOCUMENTS = Path.of("target/documents");

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record District(Fixture f, String a3, long t1) {
    }

    /**
     * On 31 October: T1 (A1, due 15 Oct, open) 16 days late; T2 (A1) closed 20 Oct; T3 (A2, due 31 Dec)
     * and T6 (A2, handed out 12 Oct) on schedule; T4 (A3, due 31 Oct) closed only on 2 Nov, so on
     * schedule that day; T5 (A3) closed 8 Oct; a draft and a cancelled task do not count. Six tasks,
     * three on schedule, one overdue, two closed in October. A1's projects target is RED (30 of 120
     * by September), A2's growth target BLUE (6.8 against 6.5) and on schedule in June.
     */
    District district() {
        clock.setDate(LocalDate.of(2026, 11, 3));
        Fixture f = new Fixture();
        String a = f.districtA;
        String a3 = a + "-SWJ";
        Fixture.org(a3, "甲区商务局", "DEPARTMENT", a);
        TaskFeed feed = new TaskFeed(consumer);
        long t1 = TaskFeed.nextId();
        upsert(feed, task(t1, a, f.deptA1, "重点项目开工", "IN_PROGRESS", "2026-10-15", "WEEKLY", 2));
        closed(feed, task(TaskFeed.nextId(), a, f.deptA1, "产业园区规划", "CLOSED", "2026-10-30", "MONTHLY", 3), "2026-10-20");
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA2, "统计监测平台上线", "IN_PROGRESS", "2026-12-31", "MONTHLY", 2));
        closed(feed, task(TaskFeed.nextId(), a, a3, "外资招引专项行动", "CLOSED", "2026-10-31", "MONTHLY", 4), "2026-11-02");
        closed(feed, task(TaskFeed.nextId(), a, a3, "消费券发放", "CLOSED", "2026-10-10", "NONE", 3), "2026-10-08");
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA2, "统计执法检查", "ASSIGNED", "2026-12-01", "NONE", 1)
                .put("assignedAt", TaskFeed.at(LocalDate.of(2026, 10, 12))));
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA1, "草拟中的任务", "DRAFT", "2026-10-01", "NONE", 0));
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA2, "已撤销的任务", "CANCELLED", "2026-10-01", "NONE", 2));
        long projects = f.target(f.projects(), a, f.deptA1, "120");
        f.approved(projects, "2026-09", "30", f.deptA1, a);
        long growth = f.target(f.gdpGrowth(), a, f.deptA2, "6.5");
        f.approved(growth, "2026-06", "6.6", f.deptA2, a);
        f.approved(growth, "2026-09", "6.8", f.deptA2, a);
        return new District(f, a3, t1);
    }

    private static void closed(TaskFeed feed, ObjectNode task, String on) {
        upsert(feed, task);
        feed.publish("task.closed", task.get("id").asLong(), "{\"taskId\":" + task.get("id") + ",\"title\":"
                + task.get("title") + ",\"orgUnitCode\":" + task.get("orgUnitCode") + ",\"leadUnitCode\":"
                + task.get("leadUnitCode") + ",\"status\":\"CLOSED\",\"text\":\"已办结\",\"actor\":\"s\",\"at\":\""
                + TaskFeed.at(LocalDate.parse(on)) + "\",\"rating\":null,\"ratingComment\":null}");
    }

    @Test
    void theOctoberBulletinsFiguresAreTheFactsAndTheDocumentPrintsThem() throws IOException {
        District d = district();
        Fixture f = d.f();
        String a = f.districtA;
        JsonPath b = TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-10")
                .then().statusCode(200).body("asOf", equalTo("2026-10-31")).body("issuedOn", equalTo("2026-11-03"))
                .body("number", equalTo("2026年第10期")).body("title", equalTo("关于2026年10月重点工作推进情况的通报"))
                .body("issuer", equalTo("甲区督查室")).body("ranking", equalTo("TASKS"))
                .extract().jsonPath();
        assertEquals(Map.of("total", 6, "onSchedule", 3, "overdue", 1, "closedThisMonth", 2, "closed", 2,
                "newThisMonth", 1), b.getMap("tasks"));
        assertEquals(Map.of("total", 2, "blue", 1, "yellow", 0, "red", 1), b.getMap("targets"));
        assertEquals(Map.of("reported", 1, "met", 1, "missed", 0, "notReported", 1, "passed", false),
                b.getMap("halfYear"));
        String summary = "截至10月31日，全区纳入督查的重点任务共6项，其中按期推进3项、逾期1项，本月办结2项、累计办结2项；"
                + "重点指标目标2个，其中蓝色1个、黄色0个、红色1个。“时间过半、任务过半”方面，已有上半年数据的1个目标中，"
                + "1个达到序时进度，0个未达到，另有1个尚无上半年数据。";
        assertEquals(summary, b.getString("summary"));
        // ranked by overdue, red, closures: A3 (closed one) first, A2 second, A1 (overdue, red) last
        assertEquals(List.of("1 甲区商务局 2 1 0 1 0", "2 甲区统计局 2 2 0 0 0", "3 甲区发改局 2 0 1 1 1"),
                WeeklyDispatchTest.rows(b, "units", "rank", "unitName", "tasks", "onSchedule", "overdue",
                        "closedThisMonth", "redTargets"));
        assertEquals(List.of("甲区商务局 本月办结任务1项，无逾期任务和红色目标"),
                WeeklyDispatchTest.rows(b, "praised", "unitName", "reason"));
        assertEquals(List.of("甲区发改局 1 1 逾期任务1项（最长逾期16天），红色目标1个"),
                WeeklyDispatchTest.rows(b, "named", "unitName", "overdueTasks", "redTargets", "reason"));
        assertEquals(List.of(d.t1() + " 16 2026-10-15"), WeeklyDispatchTest.rows(b, "overdueTasks", "taskId", "daysLate",
                "dueDate"));
        assertEquals(List.of("工业项目开工数 甲区发改局 30"), WeeklyDispatchTest.rows(b, "redTargets", "indicatorName",
                "responsibleUnitName", "actual"));

        byte[] file = TestTokens.as("leader", a).accept(ReportResource.DOCX)
                .get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-10").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        Files.createDirectories(DOCUMENTS);
        Files.write(DOCUMENTS.resolve("monthly-bulletin.docx"), file);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("督 查 通 报", paragraphs.get(0));
            assertEquals("2026年第10期", paragraphs.get(1));
            assertEquals("甲区督查室\t2026年11月3日", paragraphs.get(2));
            assertEquals("关于2026年10月重点工作推进情况的通报", paragraphs.get(3));
            assertTrue(paragraphs.contains(summary), "the summary paragraph prints the API's figures");
            assertTrue(paragraphs.contains("（一）甲区商务局：本月办结任务1项，无逾期任务和红色目标。"), paragraphs.toString());
            assertTrue(paragraphs.contains("1. 甲区发改局：逾期任务1项（最长逾期16天），红色目标1个。"), paragraphs.toString());
            List<XWPFTable> tables = doc.getTables();
            assertEquals(3, tables.size());
            assertEquals(List.of("名次 单位 任务数 按期推进 逾期 本月办结 红色目标", "1 甲区商务局 2 1 0 1 0",
                    "2 甲区统计局 2 2 0 0 0", "3 甲区发改局 2 0 1 1 1"), rows(tables.get(0)));
            assertEquals(List.of("序号 任务 牵头单位 应完成日期 逾期天数", "1 重点项目开工 甲区发改局 2026-10-15 16"),
                    rows(tables.get(1)));
            assertEquals(List.of("序号 指标 责任单位 确保值 实际 完成率 序时进度",
                    "1 工业项目开工数 甲区发改局 120个 30个 " + BulletinDocument.percent(b.getDouble("redTargets[0].completionRatio"))
                            + " " + BulletinDocument.percent(b.getDouble("redTargets[0].expectedRatio"))), rows(tables.get(2)));
            String fonts = doc.getParagraphs().get(3).getRuns().get(0).getCTR().getRPr().getRFontsArray(0).getEastAsia();
            assertEquals(Word.TITLE_FONT, fonts, "the title names its Chinese font for Word and WPS");
        }
    }

    @Test
    void aUnitWithARulebookIsRankedByItsAssessmentAndTheCurrentMonthCountsAsTheDashboardDoes() {
        District d = district();
        String a = d.f().districtA;
        TestTokens.as("supervisor", a).body("{\"components\":[{\"component\":\"TASK_ON_TIME\",\"weight\":30},"
                + "{\"component\":\"ADJUSTMENTS\"}]}").put("/api/v1/assessment-rulebooks/" + a + "/2026").then()
                .statusCode(200);
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"unitCode\":\"" + d.f().deptA2
                + "\",\"points\":5,\"reason\":\"获省级表彰\",\"effectiveOn\":\"2026-11-02\"}")
                .post("/api/v1/assessment-adjustments").then().statusCode(201);
        // November, as of today: the same day the scorecard and the dashboard are as of
        JsonPath b = TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a)
                .then().statusCode(200).body("month", equalTo("2026-11")).body("ranking", equalTo("ASSESSMENT"))
                .extract().jsonPath();
        JsonPath card = TestTokens.as("supervisor", a).get("/api/v1/assessments?orgUnit=" + a + "&year=2026").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = card.getList("items");
        assertEquals(items.stream().map(i -> i.get("rank") + " " + i.get("orgUnitCode") + " "
                        + new java.math.BigDecimal(i.get("total").toString()).stripTrailingZeros().toPlainString()).toList(),
                b.<Map<String, Object>>getList("units").stream().map(u -> u.get("rank") + " " + u.get("unitCode") + " "
                        + new java.math.BigDecimal(u.get("score").toString()).stripTrailingZeros().toPlainString()).toList(),
                "the ranking is the scorecard's");
        JsonPath dashboard = TestTokens.as("supervisor", a).get("/api/v1/dashboard?orgUnit=" + a + "&year=2026").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(Map.of("total", dashboard.getInt("total"), "blue", dashboard.getInt("counts.BLUE"),
                "yellow", dashboard.getInt("counts.YELLOW"), "red", dashboard.getInt("counts.RED")), b.getMap("targets"),
                "the targets by colour are the dashboard's");
        Map<String, Object> half = dashboard.getMap("halfYear");
        assertEquals(half, b.getMap("halfYear"), "the half-year check is the dashboard's");
        // July's bulletin is as of 31 July: the projects target had no actual due by then (September's came later)
        TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-07").then()
                .statusCode(200).body("redTargets.indicatorName", org.hamcrest.Matchers.contains("工业项目开工数"))
                .body("redTargets[0].actual", equalTo(null));
        // a department's own documents are not made: tasks belong to the district
        TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + d.f().deptA1).then()
                .statusCode(400).body("errors[0].field", equalTo("orgUnit"));
        // who reads it, and which months
        TestTokens.as("department", d.f().deptA1).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a).then().statusCode(403);
        TestTokens.as("supervisor", d.f().districtB).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a).then()
                .statusCode(404);
        TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-12").then()
                .statusCode(400).body("errors[0].field", equalTo("month"));
        TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-13").then()
                .statusCode(400).body("errors[0].field", equalTo("month"));
        // a month before June has no half-year check
        TestTokens.as("supervisor", a).get("/api/v1/reports/monthly-bulletin?orgUnit=" + a + "&month=2026-05").then()
                .statusCode(200).body("halfYear", equalTo(null));
    }

    static List<String> rows(XWPFTable table) {
        return table.getRows().stream().map(MonthlyBulletinTest::row).toList();
    }

    private static String row(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).collect(Collectors.joining(" "));
    }
}
