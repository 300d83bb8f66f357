package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ledger (台账): filtered export to .xlsx with Chinese headers, all-or-nothing import. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class LedgerTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    OrgFixture orgs;

    @Test
    void exportAppliesTheListFiltersAndScope() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        long running = TaskApi.inState(tree, "IN_PROGRESS");
        TaskApi.create(tree, "草稿任务");
        byte[] all = RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?sort=id").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(all))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("任务编号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("任务名称", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals("完成时限", sheet.getRow(0).getCell(11).getStringCellValue());
            assertEquals(2, sheet.getLastRowNum());
            assertEquals((double) running, sheet.getRow(1).getCell(0).getNumericCellValue());
            assertEquals("办理中", sheet.getRow(1).getCell(17).getStringCellValue());
        }
        byte[] filtered = RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?status=DRAFT").then().statusCode(200).extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
            assertEquals(1, book.getSheetAt(0).getLastRowNum());
            assertEquals("草稿任务", book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
        }
        byte[] foreign = RestAssured.given().auth().oauth2(TestTokens.token("department", tree.a3()))
                .get("/api/v1/tasks/export").then().statusCode(200).extract().asByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(foreign))) {
            assertEquals(0, book.getSheetAt(0).getLastRowNum());
        }
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?status=NOPE").then()).statusCode(400);
    }

    @Test
    void importCreatesDraftsFromEveryRow() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] sheet = workbook(List.of(
                List.of("任务名称", "牵头单位代码", "配合单位代码", "完成时限", "调度频次", "目标数量", "计量单位", "节点（名称@日期；…）"),
                List.of("招引工业项目 110 个", tree.a1(), tree.a2() + "、" + tree.a3(), "2026-12-31", "月汇总", "110", "个",
                        "形成清单@2026-08-31；完成签约@2026-10-31"),
                List.of(),
                List.of("完成老旧小区改造 55 个", tree.a2(), "", "2026-11-30", "周调度", "", "", "")));
        List<Integer> ids = upload("supervisor", tree.districtA(), sheet).then().statusCode(201)
                .body("imported", equalTo(2)).extract().path("ids");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + ids.get(0)).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("coUnitCodes", hasSize(2))
                .body("milestones", hasSize(2)).body("quantity.value", equalTo(110))
                .body("reportingCadence", equalTo("MONTHLY")).body("orgUnitCode", equalTo(tree.districtA()));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + ids.get(1)).then()
                .body("reportingCadence", equalTo("WEEKLY"));
    }

    @Test
    void importWithAnyErrorCreatesNothingAndNamesRowAndColumn() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] sheet = workbook(List.of(
                List.of("任务名称", "牵头单位代码", "完成时限", "调度频次"),
                List.of("正确的一行", tree.a1(), "2026-12-31", "月汇总"),
                List.of("", tree.a1(), "明年", "每天"),
                List.of("外区单位", tree.b1(), "2026-12-31", "")));
        upload("supervisor", tree.districtA(), sheet).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.row", hasItem(3))
                .body("errors.column", hasItem("完成时限"))
                .body("errors.column", hasItem("调度频次"))
                .body("errors.findAll { it.row == 4 }.column", hasItem("牵头单位代码"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks").then().body("total", equalTo(0));

        byte[] missing = workbook(List.of(List.of("任务名称"), List.of("x")));
        upload("supervisor", tree.districtA(), missing).then().statusCode(422)
                .body("errors.column", hasItem("牵头单位代码"));
    }

    @Test
    void cellsFollowTheSameTextRulesAsTheApi() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] sheet = workbook(List.of(
                List.of("任务名称", "任务描述", "牵头单位代码", "完成时限"),
                List.of("改名\u202E任务", "第一行\n第二行", tree.a1(), "2026-12-31"),
                List.of("正常任务", "描述中藏\u202E反转", tree.a1(), "2026-12-31")));
        upload("supervisor", tree.districtA(), sheet).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.findAll { it.row == 2 }.column", hasItem("任务名称"))
                .body("errors.findAll { it.row == 2 }.column", not(hasItem("任务描述")))
                .body("errors.findAll { it.row == 3 }.column", hasItem("任务描述"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks").then().body("total", equalTo(0));
    }

    @Test
    void importRefusesFilesThatAreNotXlsxWithA400AndOtherRoles() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .multiPart("file", "tasks.xlsx", "%PDF-1.7 not a sheet".getBytes(), XLSX)
                .post("/api/v1/tasks/import").then()).statusCode(400)
                .body("type", equalTo("urn:kpi:problem:malformed-body"))
                .body("detail", equalTo("文件不是有效的 .xlsx 工作簿"));
        byte[] good = workbook(List.of(List.of("任务名称", "牵头单位代码", "完成时限"), List.of("x", tree.a1(), "2026-12-31")));
        TaskApi.problem(upload("supervisor", tree.districtA(), Arrays.copyOf(good, good.length / 2)).then())
                .statusCode(400).body("type", equalTo("urn:kpi:problem:malformed-body"));
        byte[] sheet = workbook(List.of(List.of("任务名称", "牵头单位代码", "完成时限"),
                List.of("x", tree.a1(), "2026-12-31")));
        TaskApi.problem(upload("department", tree.a1(), sheet).then()).statusCode(403);
        TaskApi.problem(upload("leader", tree.districtA(), sheet).then()).statusCode(403);
    }

    @Test
    void aRoundTripLeavesEveryTaskValueUnchanged() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        long draft = TaskApi.create(tree, "招引工业项目 110 个");
        long running = TaskApi.inState(tree, "IN_PROGRESS");
        long plain = TestTokens.as("supervisor", tree.districtA())
                .body("{\"title\":\"只有必填项\",\"leadUnitCode\":\"" + tree.a3() + "\",\"dueDate\":\"2026-10-31\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(running))
                .post("/api/v1/tasks/" + running + "/milestones/"
                + task(tree, running).get("milestones[0].id") + "/complete").then().statusCode(200);
        List<Long> ids = List.of(draft, running, plain);
        List<Map<String, Object>> before = ids.stream().map(id -> task(tree, id).<String, Object>getMap("")).toList();
        byte[] exported = RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?sort=id").then().statusCode(200).extract().asByteArray();
        upload("supervisor", tree.districtA(), exported).then().statusCode(200)
                .body("imported", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(before.get(i), task(tree, ids.get(i)).getMap(""), "task " + ids.get(i));
        }
    }

    @Test
    void anEditedRowUpdatesItsTaskKeepingMilestoneCompletionAndOtherRowsStayUntouched() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        long running = TaskApi.inState(tree, "IN_PROGRESS");
        long other = TaskApi.create(tree, "不改的任务");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(running))
                .post("/api/v1/tasks/" + running + "/milestones/"
                + task(tree, running).get("milestones[0].id") + "/complete").then().statusCode(200);
        Map<String, Object> otherBefore = task(tree, other).getMap("");
        byte[] exported = RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?sort=id").then().statusCode(200).extract().asByteArray();
        byte[] edited = editCell(exported, running, 1, "招引工业项目 120 个");
        upload("supervisor", tree.districtA(), edited).then().statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(1));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + running).then()
                .body("title", equalTo("招引工业项目 120 个"))
                .body("milestones", hasSize(1))
                .body("milestones[0].completed", equalTo(true))
                .body("status", equalTo("IN_PROGRESS"));
        assertEquals(otherBefore, task(tree, other).getMap(""));
    }

    @Test
    void reimportingAStaleExportIsRefusedNamingTheEditedRowAndWritesNothing() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        long first = TaskApi.create(tree, "第一项");
        long second = TaskApi.create(tree, "第二项");
        byte[] exported = RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export?sort=id").then().statusCode(200).extract().asByteArray();
        byte[] edited = editCell(exported, second, 1, "第二项（文件中修改）");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"title\":\"第一项（已在系统中修改）\"}")
                .patch("/api/v1/tasks/" + first).then().statusCode(200);
        Map<String, Object> firstBefore = task(tree, first).getMap("");
        Map<String, Object> secondBefore = task(tree, second).getMap("");
        TaskApi.problem(upload("supervisor", tree.districtA(), edited).then()).statusCode(409)
                .body("type", equalTo("urn:kpi:problem:stale-version"))
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("版本"));
        assertEquals(firstBefore, task(tree, first).getMap(""));
        assertEquals(secondBefore, task(tree, second).getMap(""));
    }

    @Test
    void aRowNamingATaskOutsideTheCallersScopeIsRefused() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "甲区任务");
        byte[] sheet = workbook(List.of(List.of("任务编号", "版本", "任务名称", "牵头单位代码", "完成时限"),
                List.of(Long.toString(task), "0", "乙区改名", tree.a1(), "2026-12-31")));
        upload("supervisor", tree.districtB(), sheet).then().statusCode(422)
                .body("errors[0].column", equalTo("任务编号"))
                .body("errors[0].message", equalTo("任务 " + task + " 不存在或无权查看"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + task).then().body("title", equalTo("甲区任务"));
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeTheUploadIsRead() {
        OrgFixture.Tree tree = orgs.tree();
        // an unterminated multipart body: reading it would fail, so a 403 shows the role came first
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("department", tree.a1()))
                .contentType("multipart/form-data; boundary=XYZ")
                .body("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.xlsx\"\r\n\r\nPK"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/tasks/import").then()).statusCode(403);
    }

    private static JsonPath task(OrgFixture.Tree tree, long id) {
        return TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The exported workbook with one cell of the row of task {@code id} replaced. */
    private static byte[] editCell(byte[] exported, long id, int column, String value) throws IOException {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0 && row.getCell(0).getNumericCellValue() == id) {
                    row.getCell(column).setCellValue(value);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static io.restassured.response.Response upload(String role, String org, byte[] sheet) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, org))
                .multiPart("file", "tasks.xlsx", sheet, XLSX)
                .post("/api/v1/tasks/import");
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
