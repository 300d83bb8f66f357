package org.kpi.goals.rankings;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class RankingApiTest {

    @Inject
    TestClock clock;

    Fixture f;
    String districtC;

    @BeforeEach
    void data() {
        clock.setDate(LocalDate.of(2026, 8, 20));
        f = new Fixture();
        districtC = "C3" + f.s;
        Fixture.org(districtC, "丙区", "DISTRICT", f.city);
        Fixture.org(districtC + "-FGJ", "丙区发改局", "DEPARTMENT", districtC);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void districtsRankByCompletionRatioNotByRawValue() {
        String projects = f.projects();
        long a = f.target(projects, f.districtA, f.deptA1, "100");
        long b = f.target(projects, f.districtB, f.deptB1, "50");
        long c = f.target(projects, districtC, districtC + "-FGJ", "200");
        f.approved(a, "2026-06", "40", f.deptA1, f.districtA);
        f.approved(a, "2026-07", "20", f.deptA1, f.districtA);
        f.approved(b, "2026-07", "30", f.deptB1, f.districtB);
        f.approved(c, "2026-07", "100", districtC + "-FGJ", districtC);

        TestTokens.as("leader", f.city)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-07&parent=" + f.city)
                .then().statusCode(200)
                .body("basis", equalTo("COMPLETION_RATIO"))
                .body("total", equalTo(3))
                .body("items.orgUnitCode", equalTo(List.of(f.districtA, f.districtB, districtC)))
                .body("items.rank", equalTo(List.of(1, 1, 3)))
                .body("items.value", equalTo(List.of(60, 30, 100)))
                .body("items.completionRatio", equalTo(List.of(0.6f, 0.6f, 0.5f)));
    }

    @Test
    void tiesShareARankAndTheTopThirdIsTheFirstTier() {
        String projects = f.projects();
        long a = f.target(projects, f.districtA, f.deptA1, "100");
        long b = f.target(projects, f.districtB, f.deptB1, "50");
        long c = f.target(projects, districtC, districtC + "-FGJ", "200");
        f.approved(a, "2026-07", "60", f.deptA1, f.districtA);
        f.approved(b, "2026-07", "30", f.deptB1, f.districtB);
        f.approved(c, "2026-07", "100", districtC + "-FGJ", districtC);
        TestTokens.as("supervisor", f.city)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&parent=" + f.city)
                .then().statusCode(200)
                .body("period", equalTo("2026-07"))
                .body("items.rank", equalTo(List.of(1, 1, 3)))
                .body("items.firstTier", equalTo(List.of(true, true, false)))
                .body("items[2].orgUnitCode", equalTo(districtC))
                .body("items[2].completionRatio", equalTo(0.5f))
                .body("items[2].colour", equalTo("YELLOW"));
    }

    @Test
    void ratesRankByValueAndUnitsWithoutDataComeLast() {
        String gdp = f.gdpGrowth();
        long a = f.target(gdp, f.districtA, f.deptA2, "6.5");
        long b = f.target(gdp, f.districtB, f.deptB2, "6.0");
        f.target(gdp, districtC, districtC + "-FGJ", "7.0");
        f.approved(a, "2026-06", "5.9", f.deptA2, f.districtA);
        f.approved(b, "2026-06", "6.3", f.deptB2, f.districtB);
        TestTokens.as("leader", f.city)
                .get("/api/v1/rankings?indicator=" + gdp + "&year=2026&period=2026-06&parent=" + f.city)
                .then().statusCode(200)
                .body("basis", equalTo("VALUE"))
                .body("items.orgUnitCode", equalTo(List.of(f.districtB, f.districtA, districtC)))
                .body("items.rank", equalTo(java.util.Arrays.asList(1, 2, null)))
                .body("items[0].colour", equalTo("BLUE"))
                .body("items[1].colour", equalTo("YELLOW"));
    }

    @Test
    void levelRanksEveryUnitOfAKindInTheSubtree() {
        String projects = f.projects();
        long a1 = f.target(projects, f.deptA1, f.deptA1, "10");
        long b1 = f.target(projects, f.deptB1, f.deptB1, "10");
        f.approved(a1, "2026-07", "3", f.deptA1, f.districtA);
        f.approved(b1, "2026-07", "9", f.deptB1, f.districtB);
        TestTokens.as("leader", f.city)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-07&parent=" + f.city + "&level=DEPARTMENT")
                .then().statusCode(200)
                .body("items.orgUnitCode", equalTo(List.of(f.deptB1, f.deptA1)));
    }

    @Test
    void rankingsAreScopedAndValidated() {
        String projects = f.projects();
        TestTokens.as("leader", f.districtA).get("/api/v1/rankings?indicator=" + projects + "&year=2026&parent=" + f.city)
                .then().statusCode(404);
        TestTokens.as("department", f.deptA1).get("/api/v1/rankings?indicator=" + projects + "&year=2026&parent=" + f.districtA)
                .then().statusCode(404);
        TestTokens.as("leader", f.city).get("/api/v1/rankings?year=2026&parent=" + f.city)
                .then().statusCode(400).body("errors.field", hasItem("indicator"));
        TestTokens.as("leader", f.city).get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-Q3&parent=" + f.city)
                .then().statusCode(400).body("errors.field", hasItem("period"));
        TestTokens.as("leader", f.city).get("/api/v1/rankings?indicator=NOPE&year=2026&parent=" + f.city)
                .then().statusCode(404);
        TestTokens.as("leader", f.city).get("/api/v1/rankings?indicator=" + projects + "&year=2026&parent=" + f.city + "&level=STREET")
                .then().statusCode(400);
    }

    @Test
    void aDistrictSeesWhereItRanksAmongItsPeersButNotThePeersFigures() {
        String projects = f.projects();
        long a = f.target(projects, f.districtA, f.deptA1, "100");
        long b = f.target(projects, f.districtB, f.deptB1, "50");
        long c = f.target(projects, districtC, districtC + "-FGJ", "200");
        f.approved(a, "2026-07", "40", f.deptA1, f.districtA);
        f.approved(b, "2026-07", "45", f.deptB1, f.districtB);
        f.approved(c, "2026-07", "100", districtC + "-FGJ", districtC);
        // a department of the city itself with a target on the same indicator is no peer of a district
        String cityDept = f.city + "-FGW";
        Fixture.org(cityDept, "市发改委", "DEPARTMENT", f.city);
        long own = f.target(projects, cityDept, cityDept, "10");
        f.approved(own, "2026-07", "9", cityDept, f.city);

        TestTokens.as("leader", f.districtA)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-07&peersOf=" + f.districtA)
                .then().statusCode(200)
                .body("parent", equalTo(f.city))
                .body("total", equalTo(3))
                .body("items.orgUnitCode", equalTo(List.of(f.districtB, districtC, f.districtA)))
                .body("items.rank", equalTo(List.of(1, 2, 3)))
                .body("items.firstTier", equalTo(List.of(true, false, false)))
                // its own figures, and nothing but name, rank and tier of the others
                .body("items[2].value", equalTo(40)).body("items[2].targetId", equalTo((int) a))
                .body("items[2].colour", notNullValue())
                .body("items[0].value", nullValue()).body("items[0].completionRatio", nullValue())
                .body("items[0].colour", nullValue()).body("items[0].targetId", nullValue())
                .body("items[1].value", nullValue()).body("items[1].targetId", nullValue());
        // the city sees every figure, asked either way
        TestTokens.as("leader", f.city)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-07&peersOf=" + f.districtA)
                .then().statusCode(200).body("items[0].value", equalTo(45)).body("items[0].targetId", equalTo((int) b));
        TestTokens.as("supervisor", f.districtA)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&period=2026-07&peersOf=" + f.districtA)
                .then().statusCode(200).body("items[0].value", nullValue()).body("items[2].value", equalTo(40));
    }

    @Test
    void peersOfIsOnlyForOwnUnitsWithAParentAndNotWithParentOrLevel() {
        String projects = f.projects();
        TestTokens.as("leader", f.districtA)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.districtB)
                .then().statusCode(404);
        TestTokens.as("department", f.deptA1)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.districtA)
                .then().statusCode(404);
        TestTokens.as("department", f.deptA1)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.deptA1)
                .then().statusCode(200).body("parent", equalTo(f.districtA));
        TestTokens.as("leader", f.districtA)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.districtA + "&parent=" + f.districtA)
                .then().statusCode(400).body("errors.field", hasItem("peersOf"));
        TestTokens.as("leader", f.districtA)
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.districtA + "&level=DEPARTMENT")
                .then().statusCode(400).body("errors.field", hasItem("level"));
        TestTokens.as("leader", f.districtA).get("/api/v1/rankings?indicator=" + projects + "&year=2026")
                .then().statusCode(400).body("errors.field", hasItem("parent"));
        TestTokens.as("admin", f.city).get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.city)
                .then().statusCode(404);
        TestTokens.as("service", "SYSTEM")
                .get("/api/v1/rankings?indicator=" + projects + "&year=2026&peersOf=" + f.districtA)
                .then().statusCode(403);
    }
}
