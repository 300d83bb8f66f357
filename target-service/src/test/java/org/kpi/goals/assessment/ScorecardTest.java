package org.kpi.goals.assessment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.goals.Fixture;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A district with targets, tasks (on time, late, still open), supervision orders, accountability
 * records, ratings and an adjustment, scored under a rulebook: every department's lines and total
 * against expectations worked out by hand, and who sees what.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class ScorecardTest {

    static final String RULEBOOK = """
            {"components":[
              {"component":"TARGET_COMPLETION","weight":10},
              {"component":"STRETCH_BONUS","weight":2},
              {"component":"TASK_ON_TIME","weight":30},
              {"component":"OVERDUE_DAYS","perDay":0.5,"cap":5},
              {"component":"SUPERVISION_ORDERS","points":{"URGE":-0.5,"SUPERVISE":-1}},
              {"component":"LATE_RESPONSES","weight":-0.5},
              {"component":"ACCOUNTABILITY","points":{"TALK":-1,"NOTICE_CRITICISM":-2}},
              {"component":"SATISFACTION","points":{"SATISFIED":1,"UNSATISFIED":-1}},
              {"component":"ADJUSTMENTS"}]}""";

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The district of {@code f} with its facts, as worked out in the comments; the rulebook loaded. */
    private Fixture district() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        TaskFeed feed = new TaskFeed(consumer);
        // A1 answers for a target on schedule (BLUE: 10 × 1); A2 for one without actuals (RED: 10 × 0)
        long projects = f.target(f.projects(), f.districtA, f.deptA1, "120");
        f.approved(projects, "2026-06", "60", f.deptA1, f.districtA);
        f.target(f.gdpGrowth(), f.districtA, f.deptA2, "6.5");
        String a = f.districtA;
        // A1: T1 closed on time (SATISFIED), T2 closed 10 days late, T3 open 20 days late, T4 not yet due
        long t1 = TaskFeed.nextId();
        feed.task(t1, a, f.deptA1, "一号任务", "ASSIGNED", LocalDate.of(2026, 3, 31), 1);
        feed.closed(t1, a, f.deptA1, "一号任务", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 30), "SATISFIED", 2);
        long t2 = TaskFeed.nextId();
        feed.closed(t2, a, f.deptA1, "二号任务", LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 10), null, 3);
        long t3 = TaskFeed.nextId();
        feed.task(t3, a, f.deptA1, "三号任务", "IN_PROGRESS", LocalDate.of(2026, 6, 30), 2);
        feed.task(TaskFeed.nextId(), a, f.deptA1, "四号任务", "ASSIGNED", LocalDate.of(2026, 9, 30), 1);
        // A2: T5 returned UNSATISFIED, then closed on time (BASICALLY_SATISFIED scores nothing); T6 cancelled
        long t5 = TaskFeed.nextId();
        feed.returned(t5, a, f.deptA2, "五号任务", LocalDate.of(2026, 4, 20), "UNSATISFIED");
        feed.closed(t5, a, f.deptA2, "五号任务", LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 28),
                "BASICALLY_SATISFIED", 4);
        feed.task(TaskFeed.nextId(), a, f.deptA2, "六号任务", "CANCELLED", LocalDate.of(2026, 3, 1), 2);
        // district B's task is not district A's
        feed.task(TaskFeed.nextId(), f.districtB, f.deptB1, "乙区任务", "IN_PROGRESS", LocalDate.of(2026, 3, 1), 1);
        // orders: A1 URGE answered in time; A1 SUPERVISE answered late; A2 NOTICE never answered
        long o1 = TaskFeed.nextId();
        feed.order(o1, t2, a, f.deptA1, "二号任务", "URGE", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 15));
        feed.responded(o1, t2, f.deptA1, LocalDate.of(2026, 5, 14));
        long o2 = TaskFeed.nextId();
        feed.order(o2, t3, a, f.deptA1, "三号任务", "SUPERVISE", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5));
        feed.responded(o2, t3, f.deptA1, LocalDate.of(2026, 6, 8));
        feed.order(TaskFeed.nextId(), t5, a, f.deptA2, "五号任务", "NOTICE", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 3));
        feed.accountability(TaskFeed.nextId(), f.deptA1, "TALK", "三号任务严重滞后", LocalDate.of(2026, 6, 15));

        TestTokens.as("supervisor", a).body(RULEBOOK).put("/api/v1/assessment-rulebooks/" + a + "/2026").then()
                .statusCode(200).body("version", equalTo(1));
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"unitCode\":\"" + f.deptA2
                        + "\",\"points\":2,\"reason\":\"创新工作获省级表彰\",\"effectiveOn\":\"2026-07-01\"}")
                .post("/api/v1/assessment-adjustments").then().statusCode(201);
        return f;
    }

    /** Each department's lines as "component factType: points", sorted, and its total and rank. */
    private static Map<String, Object> summary(JsonPath card, String unit) {
        Map<String, Object> item = card.getMap("items.find { it.orgUnitCode == '" + unit + "' }");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) item.get("lines");
        Map<String, Object> out = new TreeMap<>();
        out.put("total", new BigDecimal(item.get("total").toString()).setScale(2));
        out.put("rank", item.get("rank"));
        out.put("lines", lines.stream().map(l -> l.get("component") + " " + l.get("factTitle") + ": "
                + new BigDecimal(l.get("points").toString()).setScale(2)).sorted().toList());
        BigDecimal sum = lines.stream().map(l -> new BigDecimal(l.get("points").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        assertEquals(out.get("total"), sum, "the total is the sum of the lines");
        return out;
    }

    @Test
    void everyDepartmentsLinesAndTotalAreWhatTheRulesGiveAndTheDepartmentsSeeOnlyTheirOwnLines() {
        Fixture f = district();
        JsonPath year = TestTokens.as("supervisor", f.districtA)
                .get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026&period=2026").then().statusCode(200)
                .body("status", equalTo("PREVIEW")).body("asOf", equalTo("2026-07-20")).body("rulebookVersion", equalTo(1))
                .extract().jsonPath();
        assertEquals(List.of(f.deptA2, f.deptA1), year.getList("items.orgUnitCode"), "ranked by total");
        assertEquals(Map.of("total", new BigDecimal("8.00"), "rank", 2, "lines", List.of(
                "ACCOUNTABILITY 三号任务严重滞后: -1.00",
                "LATE_RESPONSES 三号任务: -0.50",
                "OVERDUE_DAYS 三号任务: -5.00",
                "OVERDUE_DAYS 二号任务: -5.00",
                "SATISFACTION 一号任务: 1.00",
                "SUPERVISION_ORDERS 三号任务: -1.00",
                "SUPERVISION_ORDERS 二号任务: -0.50",
                "TARGET_COMPLETION 工业项目开工数: 10.00",
                "TASK_ON_TIME 一号任务: 10.00",
                "TASK_ON_TIME 三号任务: 0.00",
                "TASK_ON_TIME 二号任务: 0.00")), summary(year, f.deptA1));
        assertEquals(Map.of("total", new BigDecimal("30.50"), "rank", 1, "lines", List.of(
                "ADJUSTMENTS 创新工作获省级表彰: 2.00",
                "LATE_RESPONSES 五号任务: -0.50",
                "SATISFACTION 五号任务: -1.00",
                "TARGET_COMPLETION 地区生产总值增速: 0.00",
                "TASK_ON_TIME 五号任务: 30.00")), summary(year, f.deptA2));
        assertEquals("逾期 20 天 × 0.5 分（上限 5 分）", year.getString(
                "items.find { it.orgUnitCode == '" + f.deptA1 + "' }.lines.find { it.factTitle == '三号任务' "
                        + "&& it.component == 'OVERDUE_DAYS' }.rule").replaceFirst("^[^：]+：", ""));

        // the export for the organisation department opens as a workbook whose numbers are the API's
        byte[] xlsx = TestTokens.as("leader", f.districtA).accept("*/*")
                .get("/api/v1/assessments/export?orgUnit=" + f.districtA + "&year=2026&period=2026").then()
                .statusCode(200).contentType(AssessmentResource.XLSX).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var summarySheet = workbook.getSheet("汇总");
            var lineSheet = workbook.getSheet("明细");
            assertEquals(AssessmentWorkbook.SUMMARY.get(3), summarySheet.getRow(1).getCell(3).getStringCellValue());
            for (int i = 0; i < 2; i++) {
                var row = summarySheet.getRow(2 + i);
                assertEquals(year.getInt("items[" + i + "].rank"), (int) row.getCell(0).getNumericCellValue());
                assertEquals(year.getString("items[" + i + "].orgUnitCode"), row.getCell(1).getStringCellValue());
                assertEquals(new BigDecimal(year.getString("items[" + i + "].total")).doubleValue(),
                        row.getCell(3).getNumericCellValue(), 1e-9);
            }
            // A1's target is BLUE, A2's RED
            assertEquals(1, (int) summarySheet.getRow(3).getCell(4).getNumericCellValue());
            assertEquals(1, (int) summarySheet.getRow(2).getCell(6).getNumericCellValue());
            Map<String, Double> sums = new TreeMap<>();
            for (int r = 1; r <= lineSheet.getLastRowNum(); r++) {
                var row = lineSheet.getRow(r);
                sums.merge(row.getCell(0).getStringCellValue(), row.getCell(7).getNumericCellValue(), Double::sum);
            }
            assertEquals(16, lineSheet.getLastRowNum(), "every line of both departments");
            assertEquals(8.00, sums.get(f.deptA1), 1e-9);
            assertEquals(30.50, sums.get(f.deptA2), 1e-9);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestTokens.as("department", f.deptA1).accept("*/*")
                .get("/api/v1/assessments/export?orgUnit=" + f.districtA + "&year=2026").then().statusCode(403);

        // the second quarter: what was due, issued or recorded in April to June only
        JsonPath q2 = TestTokens.as("leader", f.districtA)
                .get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026&period=2026-Q2").then().statusCode(200)
                .body("asOf", equalTo("2026-06-30")).extract().jsonPath();
        assertEquals(Map.of("total", new BigDecimal("28.50"), "rank", 1, "lines", List.of(
                "LATE_RESPONSES 五号任务: -0.50",
                "SATISFACTION 五号任务: -1.00",
                "TARGET_COMPLETION 地区生产总值增速: 0.00",
                "TASK_ON_TIME 五号任务: 30.00")), summary(q2, f.deptA2));
        summary(q2, f.deptA1);

        // a department sees its own lines, and of the others only total and rank
        JsonPath own = TestTokens.as("department", f.deptA1)
                .get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(11, own.getList("items.find { it.orgUnitCode == '" + f.deptA1 + "' }.lines").size());
        assertEquals(List.of(), own.getList("items.find { it.orgUnitCode == '" + f.deptA2 + "' }.lines"));
        assertEquals("30.5", own.getString("items.find { it.orgUnitCode == '" + f.deptA2 + "' }.total"));
        TestTokens.as("department", f.deptB1).get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026").then()
                .statusCode(404);
        TestTokens.as("supervisor", f.districtB).get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026")
                .then().statusCode(404);
        TestTokens.as("supervisor", f.districtA).get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026"
                + "&period=2026-Q5").then().statusCode(400).body("errors[0].field", equalTo("period"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/assessments?orgUnit=" + f.districtA + "&year=2026"
                + "&period=2025-Q1").then().statusCode(400);
        TestTokens.as("supervisor", f.districtB).get("/api/v1/assessments?orgUnit=" + f.districtB + "&year=2026")
                .then().statusCode(404).body("detail", org.hamcrest.Matchers.containsString("尚无考核细则"));
    }

    @Test
    void aRulebookIsWrittenBySupervisorsOfItsUnitKeepsEveryVersionAndNeedsAReasonOncePublished() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        String path = "/api/v1/assessment-rulebooks/" + f.districtA + "/2026";
        TestTokens.as("supervisor", f.districtA).get(path).then().statusCode(404);
        TestTokens.as("department", f.deptA1).body(RULEBOOK).put(path).then().statusCode(403);
        TestTokens.as("leader", f.districtA).body(RULEBOOK).put(path).then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).body(RULEBOOK).put(path).then().statusCode(404);
        TestTokens.as("supervisor", f.districtA)
                .body("{\"components\":[{\"component\":\"TASK_ON_TIME\"},{\"component\":\"SATISFACTION\","
                        + "\"points\":{\"GREAT\":1}},{\"component\":\"TASK_ON_TIME\",\"weight\":1}]}")
                .put(path).then().statusCode(400)
                .body("errors.field", hasItem("components[0].weight"))
                .body("errors.field", hasItem("components[1].points.GREAT"))
                .body("errors.field", hasItem("components[2].component"));
        TestTokens.as("supervisor", f.districtA).body("{\"components\":[]}").put(path).then().statusCode(400);
        TestTokens.as("supervisor", f.districtA).body(RULEBOOK).put("/api/v1/assessment-rulebooks/" + f.deptA1 + "/2026")
                .then().statusCode(400).body("errors[0].field", equalTo("orgUnitCode"));

        TestTokens.as("supervisor", f.districtA).body(RULEBOOK).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("components.component", hasItem("TASK_ON_TIME"));
        TestTokens.as("department", f.deptA1).get(path).then().statusCode(200).body("version", equalTo(1));
        TestTokens.as("department", f.deptB1).get(path).then().statusCode(404);
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"0\"").body(RULEBOOK).put(path).then()
                .statusCode(409);
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"1\"")
                .body("{\"components\":[{\"component\":\"TASK_ON_TIME\",\"weight\":40}]}").put(path).then()
                .statusCode(200).body("version", equalTo(2));

        // once a period is published, a change needs a reason; the old versions stay readable
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into assessment_publication (org_unit_code, year, period, rulebook_version, published_by,
                                                            published_at) values (?1, 2026, '2026-H1', 2, 's', ?2)""")
                .setParameter(1, f.districtA).setParameter(2, OffsetDateTime.now()).executeUpdate());
        TestTokens.as("supervisor", f.districtA).body("{\"components\":[{\"component\":\"TASK_ON_TIME\",\"weight\":50}]}")
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        TestTokens.as("supervisor", f.districtA).body("{\"components\":[{\"component\":\"TASK_ON_TIME\",\"weight\":50}],"
                + "\"reason\":\"按市考核办通知调整权重\"}").put(path).then().statusCode(200)
                .body("version", equalTo(3)).body("reason", equalTo("按市考核办通知调整权重"))
                .body("publishedPeriods", contains("2026-H1"));
        TestTokens.as("leader", f.districtA).get(path + "?version=2").then().statusCode(200)
                .body("version", equalTo(2)).body("components[0].weight", equalTo(40));
        TestTokens.as("leader", f.districtA).get(path + "?version=9").then().statusCode(404);
    }

    @Test
    void aPublishedPeriodIsFrozenAndChangesOnlyThroughAcceptedAppeals() {
        Fixture f = district();
        String a = f.districtA;
        String card = "/api/v1/assessments?orgUnit=" + a + "&year=2026&period=2026-Q2";
        long after = org.kpi.testing.Feeds.endSeq();
        TestTokens.as("department", f.deptA1).post("/api/v1/assessments/" + a + "/2026/2026-Q2/publish").then()
                .statusCode(403);
        TestTokens.as("supervisor", a).post("/api/v1/assessments/" + a + "/2026/2026/publish").then().statusCode(409)
                .body("type", equalTo("urn:kpi:problem:illegal-transition"));
        JsonPath published = TestTokens.as("supervisor", a).post("/api/v1/assessments/" + a + "/2026/2026-Q2/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("asOf", equalTo("2026-06-30"))
                .extract().jsonPath();
        assertEquals(new BigDecimal("28.50"), summary(published, f.deptA2).get("total"));
        BigDecimal a1Total = (BigDecimal) summary(published, f.deptA1).get("total");
        TestTokens.as("supervisor", a).post("/api/v1/assessments/" + a + "/2026/2026-Q2/publish").then().statusCode(409);

        // a bonus dated inside the published period is refused (it would never count); a fact arriving later
        // does not move the published period
        TestTokens.as("supervisor", a).body("{\"orgUnitCode\":\"" + a + "\",\"unitCode\":\"" + f.deptA2
                + "\",\"points\":3,\"reason\":\"补登六月表彰\",\"effectiveOn\":\"2026-06-15\"}")
                .post("/api/v1/assessment-adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        new TaskFeed(consumer).accountability(TaskFeed.nextId(), f.deptA2, "NOTICE_CRITICISM", "补录的六月通报",
                LocalDate.of(2026, 6, 20));
        assertEquals(new BigDecimal("28.50"), summary(TestTokens.as("leader", a).get(card).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().jsonPath(), f.deptA2).get("total"));
        assertEquals(new BigDecimal("26.50"), summary(TestTokens.as("leader", a)
                .get("/api/v1/assessments?orgUnit=" + a + "&year=2026&period=2026-H1").then().statusCode(200)
                .body("status", equalTo("PREVIEW")).extract().jsonPath(), f.deptA2).get("total"));

        // A1 appeals its late-response line: only A1 may, once at a time
        String late = published.getString("items.find { it.orgUnitCode == '" + f.deptA1 + "' }.lines.find { "
                + "it.component == 'LATE_RESPONSES' }.id");
        String onTime = published.getString("items.find { it.orgUnitCode == '" + f.deptA1 + "' }.lines.find { "
                + "it.component == 'TASK_ON_TIME' }.id");
        String appeal = "{\"reason\":\"反馈已于 6 月 4 日通过公文系统报送，附截图\",\"attachmentName\":\"报送截图.png\","
                + "\"attachmentBase64\":\"iVBORw0KGgo=\"}";
        TestTokens.as("department", f.deptA2).body(appeal).post("/api/v1/assessments/lines/" + late + "/appeals").then()
                .statusCode(404);
        TestTokens.as("supervisor", a).body(appeal).post("/api/v1/assessments/lines/" + late + "/appeals").then()
                .statusCode(403);
        TestTokens.as("department", f.deptA1).body("{\"reason\":\"x\",\"attachmentBase64\":\"***\"}")
                .post("/api/v1/assessments/lines/" + late + "/appeals").then().statusCode(400);
        long accepted = TestTokens.as("department", f.deptA1).body(appeal)
                .post("/api/v1/assessments/lines/" + late + "/appeals").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("linePoints", equalTo(-0.5f))
                .extract().jsonPath().getLong("id");
        TestTokens.as("department", f.deptA1).body(appeal).post("/api/v1/assessments/lines/" + late + "/appeals").then()
                .statusCode(409);
        byte[] screenshot = TestTokens.as("department", f.deptA1).accept("*/*")
                .get("/api/v1/assessments/appeals/" + accepted + "/attachment").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertEquals(java.util.Arrays.toString(java.util.Base64.getDecoder().decode("iVBORw0KGgo=")),
                java.util.Arrays.toString(screenshot));
        long rejected = TestTokens.as("department", f.deptA1).body("{\"reason\":\"三号任务已按期推进\"}")
                .post("/api/v1/assessments/lines/" + onTime + "/appeals").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // the supervisor decides: accepted corrects the line (both kept), rejected changes nothing
        TestTokens.as("department", f.deptA1).body("{\"points\":0,\"reason\":\"自己采纳\"}")
                .post("/api/v1/assessments/appeals/" + accepted + "/accept").then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).body("{\"points\":0,\"reason\":\"越权\"}")
                .post("/api/v1/assessments/appeals/" + accepted + "/accept").then().statusCode(404);
        TestTokens.as("supervisor", a).body("{\"reason\":\"核实属实\"}")
                .post("/api/v1/assessments/appeals/" + accepted + "/accept").then().statusCode(400);
        TestTokens.as("supervisor", a).body("{\"points\":0,\"reason\":\"核实属实，按时反馈\"}")
                .post("/api/v1/assessments/appeals/" + accepted + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("correctedPoints", equalTo(0));
        TestTokens.as("supervisor", a).body("{\"points\":0,\"reason\":\"再次采纳\"}")
                .post("/api/v1/assessments/appeals/" + accepted + "/accept").then().statusCode(409);
        TestTokens.as("supervisor", a).body("{\"reason\":\"三号任务确已逾期\"}")
                .post("/api/v1/assessments/appeals/" + rejected + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("三号任务确已逾期"));

        JsonPath corrected = TestTokens.as("department", f.deptA1).get(card).then().statusCode(200).extract().jsonPath();
        assertEquals(a1Total.add(new BigDecimal("0.50")), summary(corrected, f.deptA1).get("total"));
        List<String> ids = corrected.getList("items.find { it.orgUnitCode == '" + f.deptA1 + "' }.lines.id");
        assertEquals(false, ids.contains(late), "the appealed line is superseded");
        assertEquals(true, ids.contains(onTime), "the rejected appeal's line stands");
        TestTokens.as("department", f.deptA1).body(appeal).post("/api/v1/assessments/lines/" + late + "/appeals").then()
                .statusCode(409);
        TestTokens.as("department", f.deptA1).get("/api/v1/assessments/appeals?orgUnit=" + a + "&year=2026").then()
                .statusCode(200).body("status", contains("ACCEPTED", "REJECTED"));
        TestTokens.as("department", f.deptA2).get("/api/v1/assessments/appeals?orgUnit=" + a + "&year=2026").then()
                .statusCode(200).body("size()", equalTo(0));
        TestTokens.as("department", f.deptA2).get("/api/v1/assessments/appeals/" + accepted).then().statusCode(404);

        // a rulebook change after publishing needs a reason
        TestTokens.as("supervisor", a).body(RULEBOOK).put("/api/v1/assessment-rulebooks/" + a + "/2026").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));

        List<String> types = TestTokens.as("service", "platform").get("/api/v1/events?after=" + after + "&limit=500")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .map(e -> (String) e.get("type")).filter(t -> t.startsWith("assessment.") || t.startsWith("appeal."))
                .toList();
        assertEquals(List.of("assessment.published", "appeal.filed", "appeal.filed", "appeal.decided",
                "appeal.decided"), types);
    }

    /** Events replayed out of order (a parked one, later) and a reopened task leave the facts as they stand. */
    @Test
    void replayedEventsAndReopeningLeaveTheFactsRight() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        TaskFeed feed = new TaskFeed(consumer);
        long task = TaskFeed.nextId();
        feed.closed(task, f.districtA, f.deptA1, "重开的任务", LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 20),
                "SATISFIED", 3);
        feed.task(task, f.districtA, f.deptA1, "重开的任务", "IN_PROGRESS", LocalDate.of(2026, 5, 31), 4);
        assertEquals(0L, count("select count(*) from assessment_rating where task_id = ?1", task),
                "the reopened closure's rating no longer stands");
        feed.closed(task, f.districtA, f.deptA1, "重开的任务", LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 10),
                null, 5);
        // the first closure's event replayed late does not move the closing day back
        feed.closedEventOnly(task, f.districtA, f.deptA1, "重开的任务", LocalDate.of(2026, 5, 20), "SATISFIED");
        assertEquals("2026-06-10", text("select cast(closed_on as text) from assessment_task where task_id = ?1", task));
        // an answer applied before its order is kept
        long order = TaskFeed.nextId();
        feed.responded(order, task, f.deptA1, LocalDate.of(2026, 6, 3));
        feed.order(order, task, f.districtA, f.deptA1, "重开的任务", "URGE", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 5));
        assertEquals("2026-06-03", text("select cast(r.responded_on as text) from assessment_order o "
                + "join assessment_order_response r on r.order_id = o.order_id where o.order_id = ?1", order));
    }

    private long count(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue());
    }

    private String text(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult());
    }
}
