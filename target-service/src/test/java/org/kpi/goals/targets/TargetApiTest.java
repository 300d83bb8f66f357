package org.kpi.goals.targets;

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

@QuarkusTest
@WithTestResource(PostgresResource.class)
class TargetApiTest {

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

    String body(String org, String responsible, String committed, String extra) {
        return "{\"indicatorCode\":\"" + projects + "\",\"orgUnitCode\":\"" + org + "\",\"year\":2026,"
                + "\"committedValue\":" + committed + ",\"responsibleUnitCode\":\"" + responsible + "\"" + extra + "}";
    }

    @Test
    void districtSupervisorSetsATargetWithPlanAndEveryoneInScopeReadsIt() {
        long id = f.target(projects, f.districtA, f.deptA1, "110", "120", "[{\"period\":\"2026-H1\",\"value\":55}]");
        TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("indicatorName", equalTo("工业项目开工数"))
                .body("committedValue", equalTo(110))
                .body("stretchValue", equalTo(120))
                .body("plan[0].period", equalTo("2026-H1"))
                .body("progress.expectedRatio", equalTo(0.5f))
                .body("colour", equalTo("RED"));
        TestTokens.as("department", f.deptA1).get("/api/v1/targets/" + id).then().statusCode(200);
        TestTokens.as("leader", f.city).get("/api/v1/targets/" + id).then().statusCode(200);
    }

    @Test
    void targetsOutsideScopeAreNotFound() {
        long id = f.target(projects, f.districtA, f.deptA1, "110");
        TestTokens.as("department", f.deptA2).get("/api/v1/targets/" + id).then().statusCode(404);
        TestTokens.as("department", f.deptB1).get("/api/v1/targets/" + id).then().statusCode(404);
        TestTokens.as("supervisor", f.districtB).get("/api/v1/targets/" + id).then().statusCode(404);
        TestTokens.as("leader", f.districtB).get("/api/v1/targets/" + id + "/progress").then().statusCode(404);
        TestTokens.as("department", f.deptA2).get("/api/v1/targets/" + id + "/actuals").then().statusCode(404);
    }

    @Test
    void onlySupervisorsOverTheUnitSetAndChangeTargets() {
        TestTokens.as("supervisor", f.districtB).body(body(f.districtA, f.deptA1, "110", "")).post("/api/v1/targets")
                .then().statusCode(400);
        TestTokens.as("department", f.deptA1).body(body(f.districtA, f.deptA1, "110", "")).post("/api/v1/targets")
                .then().statusCode(403);
        TestTokens.as("leader", f.districtA).body(body(f.districtA, f.deptA1, "110", "")).post("/api/v1/targets")
                .then().statusCode(403);
        long id = f.target(projects, f.districtA, f.deptA1, "110");
        TestTokens.as("leader", f.districtA).header("If-Match", "\"0\"").body(body(f.districtA, f.deptA1, "120", ""))
                .put("/api/v1/targets/" + id).then().statusCode(403);
        TestTokens.as("supervisor", f.districtB).header("If-Match", "\"0\"").body(body(f.districtA, f.deptA1, "120", ""))
                .put("/api/v1/targets/" + id).then().statusCode(404);
        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(f.districtA, f.deptA2, "120", ""))
                .put("/api/v1/targets/" + id).then().statusCode(200)
                .body("committedValue", equalTo(120)).body("responsibleUnitCode", equalTo(f.deptA2));
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"0\"").body(body(f.districtA, f.deptA1, "130", ""))
                .put("/api/v1/targets/" + id).then().statusCode(409);
    }

    @Test
    void invalidTargetsAreRefusedPerField() {
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptB1, "110", "")).post("/api/v1/targets")
                .then().statusCode(400).body("errors.field", hasItem("responsibleUnitCode"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "-5", "")).post("/api/v1/targets")
                .then().statusCode(400).body("errors.field", hasItem("committedValue"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "10.5", "")).post("/api/v1/targets")
                .then().statusCode(400).body("errors.field", hasItem("committedValue"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "110", ",\"stretchValue\":100"))
                .post("/api/v1/targets").then().statusCode(400).body("errors.field", hasItem("stretchValue"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "110",
                        ",\"plan\":[{\"period\":\"2025-H1\",\"value\":50},{\"period\":\"2026-13\",\"value\":1}]"))
                .post("/api/v1/targets").then().statusCode(400)
                .body("errors.field", hasItem("plan[0].period"))
                .body("errors.field", hasItem("plan[1].period"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "110", "").replace(projects, "NOPE"))
                .post("/api/v1/targets").then().statusCode(400).body("errors.field", hasItem("indicatorCode"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "\"abc\"", ""))
                .post("/api/v1/targets").then().statusCode(400).body("errors.field", hasItem("committedValue"));
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA1, "110", "").replace("2026", "1999"))
                .post("/api/v1/targets").then().statusCode(400).body("errors.field", hasItem("year"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/targets?orgUnit=" + f.districtA).then()
                .body("total", equalTo(0));
    }

    @Test
    void oneTargetPerIndicatorUnitAndYear() {
        f.target(projects, f.districtA, f.deptA1, "110");
        TestTokens.as("supervisor", f.districtA).body(body(f.districtA, f.deptA2, "90", "")).post("/api/v1/targets")
                .then().statusCode(409);
    }

    @Test
    void listFiltersBySubtreeIndicatorColourAndYear() {
        long a = f.target(projects, f.districtA, f.deptA1, "110");
        long b = f.target(projects, f.districtB, f.deptB1, "100");
        f.approved(b, "2026-06", "60", f.deptB1, f.districtB);
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects).then().statusCode(200)
                .body("total", equalTo(2));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects + "&orgUnit=" + f.districtB)
                .then().body("items.id", equalTo(List.of((int) b)));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects + "&colour=RED")
                .then().body("items.id", equalTo(List.of((int) a)));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects + "&colour=BLUE")
                .then().body("items.id", equalTo(List.of((int) b)))
                .body("items[0].progress.completionRatio", equalTo(0.6f));
        TestTokens.as("leader", f.city).get("/api/v1/targets?indicator=" + projects + "&year=2025")
                .then().body("total", equalTo(0));
        TestTokens.as("department", f.deptA1).get("/api/v1/targets").then()
                .body("items.id", equalTo(List.of((int) a)));
        TestTokens.as("leader", f.city).get("/api/v1/targets?colour=PURPLE").then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        TestTokens.as("leader", f.city).get("/api/v1/targets?year=abc").then().statusCode(400);
    }
}
