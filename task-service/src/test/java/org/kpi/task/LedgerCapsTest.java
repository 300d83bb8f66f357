package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The shared ledger caps, set small: a larger export is refused, never cut; a larger import is 413. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@TestProfile(LedgerCapsTest.SmallCaps.class)
class LedgerCapsTest {

    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kpi.ledger.max-rows", "3");
        }
    }

    @Inject
    OrgFixture orgs;

    @Test
    void anExportLargerThanTheCapIsRefusedAskingToNarrowTheFilter() {
        OrgFixture.Tree tree = orgs.tree();
        for (int i = 0; i < 4; i++) {
            TaskApi.create(tree, "任务 " + i);
        }
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .get("/api/v1/tasks/export").then()).statusCode(422)
                .body("detail", equalTo("符合条件的数据超过导出上限 3 行，请缩小筛选范围后再导出"));
    }

    @Test
    void anImportWithMoreRowsThanTheCapIsA413NamingIt() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] sheet;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("任务");
            Row header = s.createRow(0);
            header.createCell(0).setCellValue("任务名称");
            header.createCell(1).setCellValue("牵头单位代码");
            header.createCell(2).setCellValue("完成时限");
            for (int i = 1; i <= 4; i++) {
                Row row = s.createRow(i);
                row.createCell(0).setCellValue("任务 " + i);
                row.createCell(1).setCellValue(tree.a1());
                row.createCell(2).setCellValue("2026-12-31");
            }
            book.write(out);
            sheet = out.toByteArray();
        }
        TaskApi.problem(RestAssured.given().auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .multiPart("file", "tasks.xlsx", sheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/v1/tasks/import").then()).statusCode(413)
                .body("type", equalTo("urn:kpi:problem:payload-too-large"))
                .body("detail", containsString("一次最多导入 3 行"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks").then().body("total", equalTo(0));
    }
}
