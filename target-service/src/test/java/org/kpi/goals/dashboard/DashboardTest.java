package org.kpi.goals.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.ExecutedStatements;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.time.LocalDate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class DashboardTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    Fixture f;

    @BeforeEach
    void data() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        f = new Fixture();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Three targets of district A: on schedule, slightly behind, far behind. */
    void threeColours() {
        long blue = f.target(f.projects(), f.districtA, f.deptA1, "110");
        f.approved(blue, "2026-06", "56", f.deptA1, f.districtA);
        long yellow = f.target(f.indicator("N", "新增规上企业数", "家", "CUMULATIVE", "HIGHER_IS_BETTER", "MONTHLY"),
                f.districtA, f.deptA2, "30");
        f.approved(yellow, "2026-06", "13", f.deptA2, f.districtA);
        long red = f.target(f.gdpGrowth(), f.districtA, f.deptA2, "6.5");
        f.approved(red, "2026-06", "5.0", f.deptA2, f.districtA);
    }

    @Test
    void dashboardCountsColoursAndRunsTheHalfYearCheck() {
        threeColours();
        TestTokens.as("leader", f.districtA).get("/api/v1/dashboard?year=2026").then().statusCode(200)
                .body("orgUnit", equalTo(f.districtA))
                .body("total", equalTo(3))
                .body("counts.BLUE", equalTo(1))
                .body("counts.YELLOW", equalTo(1))
                .body("counts.RED", equalTo(1))
                .body("halfYear.reported", equalTo(3))
                .body("halfYear.met", equalTo(1))
                .body("halfYear.passed", equalTo(false))
                .body("targets.find { it.colour == 'BLUE' }.halfYearMet", equalTo(true));
        TestTokens.as("leader", f.city).get("/api/v1/dashboard?orgUnit=" + f.city + "&year=2026").then()
                .body("total", equalTo(3));
    }

    @Test
    void noHalfYearCheckBeforeJuneIsReported() {
        long t = f.target(f.projects(), f.districtA, f.deptA1, "110");
        f.approved(t, "2026-05", "50", f.deptA1, f.districtA);
        TestTokens.as("supervisor", f.districtA).get("/api/v1/dashboard?orgUnit=" + f.districtA + "&year=2026")
                .then().body("halfYear", nullValue()).body("counts.YELLOW", equalTo(1));
    }

    @Test
    void departmentSeesOnlyWhatItAnswersForAndNothingOutsideItsScope() {
        threeColours();
        TestTokens.as("department", f.deptA1).get("/api/v1/dashboard?year=2026").then().statusCode(200)
                .body("total", equalTo(1));
        TestTokens.as("department", f.deptA1).get("/api/v1/dashboard?orgUnit=" + f.districtA).then().statusCode(404);
        TestTokens.as("leader", f.districtB).get("/api/v1/dashboard?orgUnit=" + f.districtA).then().statusCode(404);
        TestTokens.as("leader", f.districtB).get("/api/v1/dashboard?year=twenty").then().statusCode(400);
    }

    /** Statements one dashboard request may send, whatever the number of targets. */
    static final long MOST_STATEMENTS = 6;

    @Test
    void sqlStatementsDoNotGrowWithTheNumberOfTargets() {
        String projects = f.projects();
        f.target(projects, f.districtA, f.deptA1, "100");
        statementsFor(f.districtA); // warm-up: caches and the driver's first look-ups are not the point
        long few = statementsFor(f.districtA);
        String[] more = {"Q", "R", "S", "T", "U", "V", "W", "X"};
        for (String suffix : more) {
            String indicator = f.indicator(suffix, "指标" + suffix, "个", "CUMULATIVE", "HIGHER_IS_BETTER", "QUARTERLY");
            long t = f.target(indicator, f.districtA, f.deptA2, "40");
            f.approved(t, "2026-Q2", "20", f.deptA2, f.districtA);
        }
        long many = statementsFor(f.districtA);
        TestTokens.as("leader", f.districtA).get("/api/v1/dashboard").then().body("total", equalTo(9));
        assertTrue(few > 0, "the database must count the dashboard's statements for this test to mean anything");
        assertEquals(few, many, "statements sent for 1 target vs 9 targets");
        assertTrue(many <= MOST_STATEMENTS, many + " statements for one dashboard");
    }

    private long statementsFor(String org) {
        return ExecutedStatements.during(dataSource, () ->
                TestTokens.as("leader", org).get("/api/v1/dashboard?year=2026").then().statusCode(200));
    }
}
