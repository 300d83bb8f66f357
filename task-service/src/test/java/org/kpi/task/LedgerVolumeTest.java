package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
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

import static org.hamcrest.Matchers.equalTo;

/**
 * A 5,000-row task import in one go. It runs under its own profile, so with its own database:
 * its thousands of events would otherwise sit in the feed that other tests of the module read.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@TestProfile(LedgerVolumeTest.OwnDatabase.class)
class LedgerVolumeTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Inject
    OrgFixture orgs;

    @Test
    void aFiveThousandRowImportIsWrittenInOneGo() throws IOException {
        OrgFixture.Tree tree = orgs.tree();
        byte[] sheet;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("任务");
            Row header = s.createRow(0);
            String[] headers = {"任务名称", "牵头单位代码", "配合单位代码", "完成时限", "节点（名称@日期；…）"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int i = 1; i <= 5000; i++) {
                Row row = s.createRow(i);
                row.createCell(0).setCellValue("批量任务 " + i);
                row.createCell(1).setCellValue(tree.a1());
                row.createCell(2).setCellValue(tree.a2());
                row.createCell(3).setCellValue("2026-12-31");
                row.createCell(4).setCellValue("形成清单@2026-08-31");
            }
            book.write(out);
            sheet = out.toByteArray();
        }
        long started = System.nanoTime();
        RestAssured.given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 600_000)))
                .auth().oauth2(TestTokens.token("supervisor", tree.districtA()))
                .multiPart("file", "big.xlsx", sheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/v1/tasks/import").then().statusCode(201)
                .body("imported", equalTo(5000)).body("created", equalTo(5000));
        System.out.println("5000-row task import took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?size=1").then().body("total", equalTo(5000));
    }
}
