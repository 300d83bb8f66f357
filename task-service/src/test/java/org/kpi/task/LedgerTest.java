package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
    void importRefusesOtherFilesAndOtherRoles() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .multiPart("file", "tasks.xlsx", "%PDF-1.7 not a sheet".getBytes(), XLSX)
                .post("/api/v1/tasks/import").then()).statusCode(415);
        byte[] sheet = workbook(List.of(List.of("任务名称", "牵头单位代码", "完成时限"),
                List.of("x", tree.a1(), "2026-12-31")));
        TaskApi.problem(upload("department", tree.a1(), sheet).then()).statusCode(403);
        TaskApi.problem(upload("leader", tree.districtA(), sheet).then()).statusCode(403);
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
