package org.kpi.goals.ledger;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared ledger caps, set small: a larger export is refused, never cut; larger imports are 413. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@TestProfile(TargetLedgerCapsTest.SmallCaps.class)
class TargetLedgerCapsTest {

    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kpi.ledger.max-rows", "3", "kpi.ledger.max-file-bytes", "12000");
        }
    }

    private static io.restassured.response.Response upload(String org, byte[] file) {
        return RestAssured.given().auth().oauth2(TestTokens.token("supervisor", org))
                .multiPart("file", "t.xlsx", file, TargetLedgerTest.XLSX).post("/api/v1/targets/import");
    }

    @Test
    void anExportLargerThanTheCapIsRefusedAskingToNarrowTheFilterInsteadOfBeingCut() throws IOException {
        Fixture f = new Fixture();
        String projects = f.projects();
        f.target(projects, f.districtA, f.deptA1, "110");
        f.target(projects, f.deptA1, f.deptA1, "20");
        f.target(projects, f.deptA2, f.deptA2, "30");
        f.target(projects, f.districtB, f.deptB1, "40");
        TestTokens.as("leader", f.city).accept(TargetLedgerTest.XLSX).get("/api/v1/targets/export?indicator=" + projects)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("符合条件的数据超过导出上限 3 行，请缩小筛选范围后再导出"));
        byte[] narrowed = TestTokens.as("leader", f.city).accept(TargetLedgerTest.XLSX)
                .get("/api/v1/targets/export?indicator=" + projects + "&orgUnit=" + f.districtA)
                .then().statusCode(200).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(narrowed))) {
            assertEquals(3, wb.getSheetAt(0).getLastRowNum());
        }
    }

    @Test
    void anImportWithMoreRowsThanTheCapIsA413NamingIt() throws IOException {
        Fixture f = new Fixture();
        String projects = f.projects();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(TargetLedgerTest.HEADER);
        for (String org : List.of(f.districtA, f.deptA1, f.deptA2, f.districtB)) {
            rows.add(List.of(projects, org, 2026, 10, "", org));
        }
        upload(f.city, TargetLedgerTest.workbook(rows)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kpi:problem:payload-too-large"))
                .body("detail", containsString("一次最多导入 3 行"));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects).then().body("total", equalTo(0));
    }

    @Test
    void aFileLargerThanTheCapIsA413() throws IOException {
        Fixture f = new Fixture();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(TargetLedgerTest.HEADER);
        for (int i = 0; i < 400; i++) {
            rows.add(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        }
        upload(f.city, TargetLedgerTest.workbook(rows)).then().statusCode(413)
                .body("type", equalTo("urn:kpi:problem:payload-too-large"))
                .body("detail", containsString("文件大小超过上限"));
    }
}
