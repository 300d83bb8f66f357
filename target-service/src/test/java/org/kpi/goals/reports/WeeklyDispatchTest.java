package org.kpi.goals.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The weekly dispatch list (周调度清单) of a district in the week of Friday 20 November 2026, built
 * from task facts on task-service's (stubbed) feed, checked against what the week holds, worked out
 * by hand below; the workbook read back carries the same figures.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(value = FeedStubResource.class, initArgs = @ResourceArg(name = "feed", value = "task"))
class WeeklyDispatchTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    FeedConsumer consumer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The ids of the week's tasks. */
    record Week(Fixture f, long t1, long t2, long t3, long t4, long t6, long o1) {
    }

    /**
     * T1 weekly, A1 leads with A2: milestone 完成立项 due Wed 18th still open (2 days late), 开工建设 due
     * 30th; A1 reported on Tuesday, A2 did not. T2 A2 leads, due 25th, its milestone due today (due, not
     * late). T3 weekly, A1, due 10th (10 days late), last reported the week before; a SUPERVISE order on
     * Tuesday answered Thursday. T4 closed on
     * Thursday. T5 a draft. T6 A2 leads, its milestone due Monday completed Thursday. District B's task
     * and last week's order are not this list's.
     */
    Week week(TaskFeed feed) {
        clock.setDate(FRIDAY);
        Fixture f = new Fixture();
        String a = f.districtA;
        long t1 = TaskFeed.nextId();
        upsert(feed, task(t1, a, f.deptA1, "老旧小区改造工程", "IN_PROGRESS", "2026-12-31", "WEEKLY", 3)
                .<ObjectNode>set("coUnitCodes", MAPPER.createArrayNode().add(f.deptA2))
                .set("milestones", milestones(new String[]{"完成立项", "2026-11-18", null},
                        new String[]{"开工建设", "2026-11-30", null})));
        long t2 = TaskFeed.nextId();
        upsert(feed, task(t2, a, f.deptA2, "统计监测平台上线", "ASSIGNED", "2026-11-25", "MONTHLY", 1)
                .set("milestones", milestones(new String[]{"完成部署", "2026-11-20", null})));
        long t3 = TaskFeed.nextId();
        upsert(feed, task(t3, a, f.deptA1, "重点项目开工", "IN_PROGRESS", "2026-11-10", "WEEKLY", 2));
        long t4 = TaskFeed.nextId();
        upsert(feed, task(t4, a, f.deptA1, "营商环境评估", "CLOSED", "2026-11-15", "WEEKLY", 4));
        feed.publish("task.closed", t4, "{\"taskId\":" + t4 + ",\"title\":\"营商环境评估\",\"orgUnitCode\":\"" + a
                + "\",\"leadUnitCode\":\"" + f.deptA1 + "\",\"status\":\"CLOSED\",\"text\":\"已完成\",\"actor\":\"s\","
                + "\"at\":\"" + TaskFeed.at(LocalDate.of(2026, 11, 19)) + "\",\"rating\":null,\"ratingComment\":null}");
        upsert(feed, task(TaskFeed.nextId(), a, f.deptA1, "草拟中的任务", "DRAFT", "2026-11-21", "WEEKLY", 0));
        long t6 = TaskFeed.nextId();
        upsert(feed, task(t6, a, f.deptA2, "数据共享平台建设", "IN_PROGRESS", "2027-03-31", "NONE", 2)
                .set("milestones", milestones(new String[]{"方案报批", "2026-11-16", "2026-11-19"})));
        upsert(feed, task(TaskFeed.nextId(), f.districtB, f.deptB1, "乙区任务", "IN_PROGRESS", "2026-11-01", "WEEKLY", 1));
        report(feed, t1, f.deptA1, "2026-11-17");
        report(feed, t3, f.deptA1, "2026-11-12");
        long o1 = TaskFeed.nextId();
        feed.order(o1, t3, a, f.deptA1, "重点项目开工", "SUPERVISE", LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 20));
        feed.responded(o1, t3, f.deptA1, LocalDate.of(2026, 11, 19));
        feed.order(TaskFeed.nextId(), t1, a, f.deptA1, "老旧小区改造工程", "URGE", LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 13));
        return new Week(f, t1, t2, t3, t4, t6, o1);
    }

    @Test
    void theWeeksListsAreWhatTheFactsGiveAndTheWorkbookCarriesTheSameFigures() throws IOException {
        Week w = week(new TaskFeed(consumer));
        String a = w.f().districtA;
        JsonPath list = TestTokens.as("supervisor", a).get("/api/v1/reports/weekly?orgUnit=" + a + "&week=2026-W47")
                .then().statusCode(200).body("from", equalTo("2026-11-16")).body("to", equalTo("2026-11-22"))
                .body("asOf", equalTo("2026-11-20")).body("orgUnitName", equalTo("甲区"))
                .extract().jsonPath();
        assertEquals(Map.of("running", 4, "dueSoon", 3, "overdue", 2, "missedMilestones", 2, "unreportedUnits", 2,
                "newOrders", 1), list.getMap("summary"));
        assertEquals(List.of(w.t3() + " - 10 2026-11-10", w.t1() + " 完成立项 2 2026-11-18"),
                rows(list, "overdue", "taskId", "milestone", "daysLate", "dueDate"));
        assertEquals(List.of(w.t2() + " 完成部署 0 2026-11-20", w.t2() + " - 5 2026-11-25", w.t1() + " 开工建设 10 2026-11-30"),
                rows(list, "dueSoon", "taskId", "milestone", "daysLeft", "dueDate"));
        assertEquals(List.of(w.t6() + " 方案报批 2026-11-16 2026-11-19", w.t1() + " 完成立项 2026-11-18 -"),
                rows(list, "missedMilestones", "taskId", "milestone", "dueDate", "completedOn"));
        assertEquals(List.of(w.f().deptA1 + " 甲区发改局", w.f().deptA2 + " 甲区统计局"),
                rows(list, "unreported", "unitCode", "unitName"));
        assertEquals(List.of(w.t3() + " 重点项目开工 LEAD"), rows(list, "unreported[0].tasks", "taskId", "title", "role"));
        assertEquals(List.of(w.t1() + " 老旧小区改造工程 CO"), rows(list, "unreported[1].tasks", "taskId", "title", "role"));
        assertEquals(List.of(w.o1() + " SUPERVISE 2026-11-17 2026-11-19 甲区发改局"),
                rows(list, "newOrders", "orderId", "level", "issuedOn", "respondedOn", "leadUnitName"));

        byte[] file = TestTokens.as("leader", a).accept(ReportResource.XLSX)
                .get("/api/v1/reports/weekly?orgUnit=" + a + "&week=2026-W47").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet overview = book.getSheet(WeeklyWorkbook.OVERVIEW);
            assertEquals("甲区重点工作周调度清单（2026 年第 47 周（11 月 16 日—11 月 22 日））", text(overview.getRow(0), 0));
            List<Integer> counts = new ArrayList<>();
            for (int r = 2; r <= 7; r++) {
                counts.add((int) overview.getRow(r).getCell(1).getNumericCellValue());
            }
            assertEquals(List.of(4, 3, 2, 2, 2, 1), counts, "the overview's counts are the API's");
            assertEquals(List.of(w.t3() + " 10", w.t1() + " 2"), cells(book.getSheet(WeeklyWorkbook.OVERDUE), 0, 5));
            assertEquals(List.of(w.t2() + " 0", w.t2() + " 5", w.t1() + " 10"),
                    cells(book.getSheet(WeeklyWorkbook.DUE_SOON), 0, 5));
            assertEquals(List.of(w.t6() + " 2026-11-19", w.t1() + " 未完成"),
                    cells(book.getSheet(WeeklyWorkbook.MISSED), 0, 5));
            assertEquals(List.of("甲区发改局 " + w.t3(), "甲区统计局 " + w.t1()),
                    cells(book.getSheet(WeeklyWorkbook.UNREPORTED), 0, 1));
            assertEquals(List.of(w.o1() + " 督办"), cells(book.getSheet(WeeklyWorkbook.ORDERS), 0, 3));
        }
        // the same through ?format=xlsx, for a link a browser follows
        TestTokens.as("supervisor", a).get("/api/v1/reports/weekly?orgUnit=" + a + "&week=2026-W47&format=xlsx")
                .then().statusCode(200).contentType(containsString("spreadsheetml"));
    }

    @Test
    void readersInScopeOnlyAndAWeekThatHasBegun() {
        clock.setDate(FRIDAY);
        Fixture f = new Fixture();
        String path = "/api/v1/reports/weekly?orgUnit=" + f.districtA;
        TestTokens.as("department", f.deptA1).get(path).then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).get(path).then().statusCode(404);
        TestTokens.as("leader", f.city).get(path).then().statusCode(200).body("week", equalTo("2026-W47"));
        TestTokens.as("supervisor", f.districtA).get(path + "&week=2026-W48").then().statusCode(400)
                .body("errors[0].field", equalTo("week"));
        TestTokens.as("supervisor", f.districtA).get(path + "&week=2026-47").then().statusCode(400)
                .body("errors[0].field", equalTo("week"));
        TestTokens.as("supervisor", f.districtA).get(path + "&week=2026-W54").then().statusCode(400);
        TestTokens.as("supervisor", f.districtA).get(path + "&format=pdf").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/reports/weekly").then().statusCode(400)
                .body("errors[0].field", equalTo("orgUnit"));
        // a week gone by is as of its Sunday
        TestTokens.as("supervisor", f.districtA).get(path + "&week=2026-W46").then().statusCode(200)
                .body("asOf", equalTo("2026-11-15"));
    }

    static ObjectNode task(long id, String org, String lead, String title, String status, String due, String cadence,
                           long version) {
        ObjectNode task = MAPPER.createObjectNode().put("id", id).put("title", title).put("orgUnitCode", org)
                .put("leadUnitCode", lead).put("status", status).put("dueDate", due).put("nextDueDate", due)
                .put("reportingCadence", cadence).put("startDate", "2026-01-01").put("category", "重点项目")
                .put("version", version);
        task.putArray("coUnitCodes");
        task.putArray("milestones");
        if (!"DRAFT".equals(status)) {
            task.put("assignedAt", TaskFeed.at(LocalDate.of(2026, 1, 5)));
        }
        return task;
    }

    static ArrayNode milestones(String[]... rows) {
        ArrayNode list = MAPPER.createArrayNode();
        long id = 1;
        for (String[] m : rows) {
            list.addObject().put("id", id++).put("title", m[0]).put("dueDate", m[1]).put("completed", m[2] != null)
                    .put("completedAt", m[2] == null ? null : TaskFeed.at(LocalDate.parse(m[2])));
        }
        return list;
    }

    static void upsert(TaskFeed feed, ObjectNode task) {
        feed.publish("task.upserted", task.get("id").asLong(), task.toString());
    }

    static void report(TaskFeed feed, long task, String unit, String day) {
        feed.publish("progress-report.filed", task, "{\"reportId\":" + TaskFeed.nextId() + ",\"taskId\":" + task
                + ",\"unitCode\":\"" + unit + "\",\"role\":\"LEAD\",\"reportedOn\":\"" + day + "\",\"reportedAt\":\""
                + TaskFeed.at(LocalDate.parse(day)) + "\",\"targetId\":null,\"quantityReached\":null,"
                + "\"quantityUnit\":null,\"reportedBy\":\"department@" + unit + "\",\"percentDone\":40}");
    }

    /** The items of a list, each as its fields joined by spaces (null as "-"). */
    static List<String> rows(JsonPath json, String list, String... fields) {
        List<Map<String, Object>> items = json.getList(list);
        return items.stream().map(item -> {
            StringBuilder row = new StringBuilder();
            for (String field : fields) {
                Object value = item.get(field);
                row.append(row.length() == 0 ? "" : " ").append(value == null ? "-" : value);
            }
            return row.toString();
        }).toList();
    }

    /** The data rows of a sheet (from row 2), each as the two cells joined by a space. */
    static List<String> cells(Sheet sheet, int first, int second) {
        List<String> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            rows.add(text(sheet.getRow(r), first) + " " + text(sheet.getRow(r), second));
        }
        return rows;
    }

    static String text(Row row, int cell) {
        return new DataFormatter().formatCellValue(row.getCell(cell));
    }
}
