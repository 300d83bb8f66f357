package org.kpi.goals.ledger;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class TargetLedgerTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TestClock clock;

    Fixture f;
    String projects;

    @BeforeEach
    void data() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        f = new Fixture();
        projects = f.projects();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("目标");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static final List<Object> HEADER = List.of("指标代码", "所属单位代码", "年度", "确保值", "力争值", "责任单位代码");

    io.restassured.response.Response upload(String role, String org, byte[] file, String name) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, org))
                .multiPart("file", name, file, XLSX)
                .post("/api/v1/targets/import");
    }

    @Test
    void exportHasChineseHeadersAndOneRowPerTargetWithProgress() throws IOException {
        long t = f.target(projects, f.districtA, f.deptA1, "110");
        f.approved(t, "2026-06", "55", f.deptA1, f.districtA);
        byte[] bytes = TestTokens.as("leader", f.districtA).accept(XLSX)
                .get("/api/v1/targets/export?year=2026&orgUnit=" + f.districtA)
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("指标代码", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("颜色", sheet.getRow(0).getCell(12).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum());
            assertEquals(projects, sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(110.0, sheet.getRow(1).getCell(5).getNumericCellValue());
            assertEquals(0.5, sheet.getRow(1).getCell(10).getNumericCellValue());
            assertEquals("蓝", sheet.getRow(1).getCell(12).getStringCellValue());
        }
    }

    @Test
    void importCreatesAndUpdatesAllRows() throws IOException {
        long existing = f.target(projects, f.districtA, f.deptA1, "110");
        byte[] file = workbook(List.of(HEADER,
                List.of(projects, f.districtA, 2026, 120, 130, f.deptA2),
                List.of(projects, f.districtB, 2026, 90, "", f.deptB1)));
        upload("supervisor", f.city, file, "targets.xlsx").then().statusCode(200)
                .body("rows", equalTo(2)).body("created", equalTo(1)).body("updated", equalTo(1));
        TestTokens.as("leader", f.city).get("/api/v1/targets/" + existing).then()
                .body("committedValue", equalTo(120)).body("responsibleUnitCode", equalTo(f.deptA2));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects + "&orgUnit=" + f.districtB)
                .then().body("total", equalTo(1)).body("items[0].committedValue", equalTo(90));
    }

    @Test
    void oneBadRowRejectsTheWholeFileWithRowAndColumn() throws IOException {
        byte[] file = workbook(List.of(HEADER,
                List.of(projects, f.districtA, 2026, 120, "", f.deptA1),
                List.of(projects, f.districtB, 2026, "很多", "", f.deptA1),
                List.of("NOPE", f.districtB, 2026, 10, "", f.deptB1)));
        upload("supervisor", f.city, file, "targets.xlsx").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.find { it.row == 3 && it.column == '确保值' }.message", equalTo("“很多”不是数字"))
                .body("errors.find { it.row == 3 && it.column == '责任单位代码' }.row", equalTo(3))
                .body("errors.find { it.row == 4 }.column", equalTo("指标代码"));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects).then().body("total", equalTo(0));
    }

    @Test
    void importIsForSupervisorsWithinScope() throws IOException {
        byte[] file = workbook(List.of(HEADER, List.of(projects, f.districtB, 2026, 90, "", f.deptB1)));
        upload("department", f.deptB1, file, "t.xlsx").then().statusCode(403);
        upload("supervisor", f.districtA, file, "t.xlsx").then().statusCode(422)
                .body("errors.column", hasItem("所属单位代码"));
    }

    @Test
    void notASpreadsheetIsRefused() {
        upload("supervisor", f.city, "%PDF-1.4 not a workbook".getBytes(), "t.xlsx").then().statusCode(415)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(TestTokens.token("supervisor", f.city)).contentType("multipart/form-data")
                .multiPart("other", "x").post("/api/v1/targets/import").then().statusCode(400);
    }

    @Test
    void exportIsScopedToWhatTheCallerMaySee() throws IOException {
        f.target(projects, f.districtA, f.deptA1, "110");
        f.target(projects, f.districtB, f.deptB1, "100");
        for (String[] who : new String[][]{{"department", f.deptA1, "1"}, {"supervisor", f.districtB, "1"}, {"leader", f.city, "2"}}) {
            byte[] bytes = TestTokens.as(who[0], who[1]).accept(XLSX).get("/api/v1/targets/export?indicator=" + projects)
                    .then().statusCode(200).extract().asByteArray();
            try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                assertEquals(Integer.parseInt(who[2]), wb.getSheetAt(0).getLastRowNum(), who[0] + "@" + who[1]);
            }
        }
        RestAssured.given().get("/api/v1/targets/export").then().statusCode(401);
    }

    @Test
    void exportedLedgerImportsBackUnchanged() {
        f.target(projects, f.districtA, f.deptA1, "110");
        byte[] bytes = TestTokens.as("supervisor", f.districtA).accept(XLSX).get("/api/v1/targets/export?year=2026")
                .then().statusCode(200).extract().asByteArray();
        upload("supervisor", f.districtA, bytes, "round-trip.xlsx").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1));
    }
}
