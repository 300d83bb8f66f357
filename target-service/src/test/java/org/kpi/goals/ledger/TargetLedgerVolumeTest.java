package org.kpi.goals.ledger;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/**
 * A 5,000-row import in one go. It runs under its own profile, so with its own database: its
 * thousands of events would otherwise sit in the feed that other tests of the module read.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@TestProfile(TargetLedgerVolumeTest.OwnDatabase.class)
class TargetLedgerVolumeTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Test
    void aFiveThousandRowImportIsWrittenInOneGo() throws IOException {
        Fixture fixture = new Fixture();
        List<String> indicatorCodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            indicatorCodes.add(fixture.indicator("N" + i, "批量指标" + i, "个", "CUMULATIVE", "HIGHER_IS_BETTER", "MONTHLY"));
        }
        List<String> orgs = List.of(fixture.city, fixture.districtA, fixture.districtB, fixture.deptA1, fixture.deptA2,
                fixture.deptB1, fixture.deptB2);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(TargetLedgerTest.HEADER);
        outer:
        for (String indicator : indicatorCodes) {
            for (String org : orgs) {
                for (int year = 2000; year <= 2100; year++) {
                    rows.add(List.of(indicator, org, year, 100 + year % 7, "", org));
                    if (rows.size() > 5000) {
                        break outer;
                    }
                }
            }
        }
        long started = System.nanoTime();
        RestAssured.given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 600_000)))
                .auth().oauth2(TestTokens.token("supervisor", fixture.city))
                .multiPart("file", "big.xlsx", TargetLedgerTest.workbook(rows), TargetLedgerTest.XLSX)
                .post("/api/v1/targets/import").then().statusCode(200)
                .body("rows", equalTo(5000)).body("created", equalTo(5000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("5000-row target import took " + millis + " ms");
        TestTokens.as("leader", fixture.city).get("/api/v1/targets?indicator=" + indicatorCodes.get(7) + "&size=1")
                .then().body("total", equalTo(5000 - 7 * 7 * 101));
    }
}
