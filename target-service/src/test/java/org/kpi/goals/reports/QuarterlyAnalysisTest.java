package org.kpi.goals.reports;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.goals.Fixture;
import org.kpi.goals.assessment.TaskFeed;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kpi.goals.reports.WeeklyDispatchTest.task;
import static org.kpi.goals.reports.WeeklyDispatchTest.upsert;

/**
 * The third-quarter analysis (季度分析) of a district on 10 October 2026: each target's months
 * against the time-elapsed line, its rank among peer districts, the tasks behind its red target;
 * the Word document read back carries the figures and one chart per target, drawn in the shipped
 * font, and is kept in {@code target/documents/} for LibreOffice to render in {@code .ci/run}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class QuarterlyAnalysisTest {

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * A1's projects: 60 in July and 20 in September of 120, so 80 (66.7%) against 75% elapsed —
     * YELLOW. A2's growth: 5.0 in September against 6.5 — RED, and second of the two districts (乙区
     * 7.0). T1 (A2) is linked to the growth target; T2 (A2) is 10 days late on 30 September; T3 (A1)
     * is late too, but A1's target is not red.
     */
    @Test
    void eachTargetIsDrawnAgainstTimeRankedAmongPeersAndTheRedOnesTasksAreListed() throws IOException {
        clock.setDate(LocalDate.of(2026, 10, 10));
        Fixture f = new Fixture();
        String a = f.districtA;
        String projectsCode = f.projects();
        String growthCode = f.gdpGrowth();
        long projects = f.target(projectsCode, a, f.deptA1, "120");
        f.approved(projects, "2026-07", "60", f.deptA1, a);
        f.approved(projects, "2026-09", "20", f.deptA1, a);
        long growth = f.target(growthCode, a, f.deptA2, "6.5");
        f.approved(growth, "2026-09", "5.0", f.deptA2, a);
        long peer = f.target(growthCode, f.districtB, f.deptB1, "6.5");
        f.approved(peer, "2026-09", "7.0", f.deptB1, f.districtB);
        TaskFeed feed = new TaskFeed(consumer);
        long t1 = TaskFeed.nextId();
        upsert(feed, task(t1, a, f.deptA2, "稳增长专项行动", "IN_PROGRESS", "2026-12-31", "MONTHLY", 2).put("targetId", growth));
        long t2 = TaskFeed.nextId();
        upsert(feed, task(t2, a, f.deptA2, "统计数据质量核查", "IN_PROGRESS", "2026-09-20", "NONE", 2));
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA1, "项目前期手续办理", "IN_PROGRESS", "2026-09-25", "NONE", 2));

        JsonPath q = TestTokens.as("leader", a).get("/api/v1/reports/quarterly-analysis?orgUnit=" + a + "&quarter=2026-Q3")
                .then().statusCode(200).body("asOf", equalTo("2026-09-30")).body("title", equalTo("甲区2026年第三季度重点指标运行分析"))
                .extract().jsonPath();
        assertEquals(Map.of("total", 2, "blue", 0, "yellow", 1, "red", 1), q.getMap("targets"));
        assertEquals(Map.of("total", 3, "onSchedule", 1, "overdue", 2, "closedInQuarter", 0, "closed", 0), q.getMap("tasks"));
        Map<String, Object> p = q.getMap("indicators.find { it.targetId == " + projects + " }");
        assertEquals("YELLOW", p.get("colour"));
        List<Map<String, Object>> series = (List<Map<String, Object>>) p.get("series");
        assertEquals(9, series.size(), "January to September");
        assertEquals(List.of("2026-07 60 0.5 0.583", "2026-09 80 0.667 0.75"), series.stream()
                .filter(s -> s.get("actual") != null)
                .map(s -> s.get("period") + " " + new java.math.BigDecimal(s.get("actual").toString()).stripTrailingZeros()
                        .toPlainString() + " " + round(s.get("completionRatio")) + " " + round(s.get("expectedRatio")))
                .toList());
        assertEquals(null, p.get("peers"), "乙区 has no projects target: nobody to rank against");
        Map<String, Object> g = q.getMap("indicators.find { it.targetId == " + growth + " }");
        assertEquals("RED", g.get("colour"));
        assertEquals(List.of(t1), ((List<?>) g.get("taskIds")).stream().map(x -> ((Number) x).longValue()).toList());
        assertEquals(Map.of("period", "2026-09", "rank", 2, "of", 2, "firstTier", false, "leaders", List.of("乙区", "甲区")),
                g.get("peers"));
        assertEquals(List.of(t1 + " LINKED 0", t2 + " OVERDUE_AT_RESPONSIBLE_UNIT 10"),
                WeeklyDispatchTest.rows(q, "drivers", "taskId", "why", "daysLate"));

        byte[] file = TestTokens.as("supervisor", a).get("/api/v1/reports/quarterly-analysis?orgUnit=" + a
                + "&quarter=2026-Q3&format=docx").then().statusCode(200).extract().asByteArray();
        Files.createDirectories(MonthlyBulletinTest.DOCUMENTS);
        Files.write(MonthlyBulletinTest.DOCUMENTS.resolve("quarterly-analysis.docx"), file);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("甲区2026年第三季度重点指标运行分析", paragraphs.get(0));
            assertTrue(paragraphs.contains(q.getString("summary")), "the summary paragraph is the API's");
            assertTrue(paragraphs.contains("年度确保目标6.5%。最新实绩5%，完成进度76.9%，序时进度100.0%，慢于序时23.1个百分点，"
                    + "明显滞后（红色）。在同级2个单位中排第2位；前列单位为乙区、甲区。"), paragraphs.toString());
            List<XWPFPictureData> pictures = doc.getAllPictures();
            assertEquals(2, pictures.size(), "one chart per target");
            for (XWPFPictureData picture : pictures) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.getData()));
                assertNotNull(image, "the chart is a PNG");
                assertEquals(ProgressChart.WIDTH, image.getWidth());
            }
            assertEquals(List.of("序号 任务 牵头单位 关联指标 应完成日期 进度",
                    "1 稳增长专项行动 甲区统计局 地区生产总值增速 2026-12-31 未逾期",
                    "2 统计数据质量核查 甲区统计局 地区生产总值增速 2026-09-20 逾期10天"),
                    MonthlyBulletinTest.rows(doc.getTables().get(0)));
        }
        assertEquals("WenQuanYi Micro Hei", ProgressChart.fontFamily(), "the charts draw in the shipped font");
        TestTokens.as("department", f.deptA1).get("/api/v1/reports/quarterly-analysis?orgUnit=" + a).then().statusCode(403);
        TestTokens.as("supervisor", a).get("/api/v1/reports/quarterly-analysis?orgUnit=" + a + "&quarter=2026-Q4").then()
                .statusCode(200).body("asOf", equalTo("2026-10-10"));
        TestTokens.as("supervisor", a).get("/api/v1/reports/quarterly-analysis?orgUnit=" + a + "&quarter=2026-Q5").then()
                .statusCode(400).body("errors[0].field", equalTo("quarter"));
    }

    private static String round(Object ratio) {
        return new java.math.BigDecimal(ratio.toString()).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
