package org.kpi.goals.indicators;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import jakarta.inject.Inject;

import java.time.LocalDate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class IndicatorApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String body(String code, String kind, String frequency, int dueDay) {
        return "{\"code\":\"" + code + "\",\"name\":\"一般公共预算收入增速\",\"unit\":\"%\",\"kind\":\"" + kind
                + "\",\"direction\":\"HIGHER_IS_BETTER\",\"frequency\":\"" + frequency + "\",\"actualsDueDay\":" + dueDay + "}";
    }

    @Test
    void supervisorsAndAdminsMaintainTheCatalogueEveryoneReadsIt() {
        Fixture f = new Fixture();
        String code = "REV" + f.s;
        TestTokens.as("supervisor", f.districtA).body(body(code, "GROWTH_RATE", "MONTHLY", 15))
                .post("/api/v1/indicators").then().statusCode(201).header("ETag", "\"0\"")
                .body("kind", equalTo("GROWTH_RATE")).body("actualsDueDay", equalTo(15));
        TestTokens.as("department", f.deptA1).get("/api/v1/indicators/" + code).then().statusCode(200)
                .body("name", equalTo("一般公共预算收入增速"));
        TestTokens.as("leader", f.city).get("/api/v1/indicators?kind=GROWTH_RATE&size=100").then().statusCode(200)
                .body("items.code", hasItem(code));
        TestTokens.as("department", f.deptA1).body(body("X" + code, "GROWTH_RATE", "MONTHLY", 15))
                .post("/api/v1/indicators").then().statusCode(403);
        TestTokens.as("leader", f.city).body(body("Y" + code, "GROWTH_RATE", "MONTHLY", 15))
                .post("/api/v1/indicators").then().statusCode(403);
        TestTokens.as("department", f.deptA1).header("If-Match", "\"0\"").body(body(code, "GROWTH_RATE", "MONTHLY", 20))
                .put("/api/v1/indicators/" + code).then().statusCode(403);
        TestTokens.as("leader", f.city).get("/api/v1/indicators/NO_SUCH_" + code).then().statusCode(404);
        TestTokens.as("leader", f.city).get("/api/v1/indicators").then().statusCode(200);
        TestTokens.as("leader", f.city).get("/api/v1/indicators?q=预算收入&size=100").then().statusCode(200)
                .body("items.code", hasItem(code));
        TestTokens.as("leader", f.city).get("/api/v1/indicators?kind=SOMETHING").then().statusCode(400);
    }

    @Test
    void badIndicatorsAreRefusedPerField() {
        String code = "BAD" + new Fixture().s;
        TestTokens.as("admin", "ROOT").body(body(code, "AVERAGE", "MONTHLY", 15)).post("/api/v1/indicators")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "WEEKLY", 15)).post("/api/v1/indicators")
                .then().statusCode(400).body("errors.field", hasItem("frequency"));
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "MONTHLY", 29)).post("/api/v1/indicators")
                .then().statusCode(400).body("errors.field", hasItem("actualsDueDay"));
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "MONTHLY", 10).replace("}", ",\"yellowTolerance\":1.5}"))
                .post("/api/v1/indicators").then().statusCode(400).body("errors.field", hasItem("yellowTolerance"));
        TestTokens.as("admin", "ROOT").get("/api/v1/indicators/" + code).then().statusCode(404);
    }

    @Test
    void duplicateCodeIsAConflictAndStaleUpdatesAreRefused() {
        String code = "DUP" + new Fixture().s;
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "MONTHLY", 10)).post("/api/v1/indicators").then().statusCode(201);
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "MONTHLY", 10)).post("/api/v1/indicators").then().statusCode(409);
        TestTokens.as("admin", "ROOT").body(body(code, "LEVEL", "MONTHLY", 20))
                .put("/api/v1/indicators/" + code).then().statusCode(428);
        TestTokens.as("admin", "ROOT").header("If-Match", "\"0\"").body(body(code, "LEVEL", "MONTHLY", 20))
                .put("/api/v1/indicators/" + code).then().statusCode(200).body("actualsDueDay", equalTo(20)).body("version", equalTo(1));
        TestTokens.as("admin", "ROOT").header("If-Match", "\"0\"").body(body(code, "LEVEL", "MONTHLY", 25))
                .put("/api/v1/indicators/" + code).then().statusCode(409);
    }

    @Test
    void kindCannotChangeOnceActualsExist() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        String projects = f.projects();
        long target = f.target(projects, f.districtA, f.deptA1, "110");
        f.submit(target, "2026-06", "50", f.deptA1);
        String changed = "{\"code\":\"" + projects + "\",\"name\":\"工业项目开工数\",\"unit\":\"个\",\"kind\":\"LEVEL\","
                + "\"direction\":\"HIGHER_IS_BETTER\",\"frequency\":\"MONTHLY\",\"actualsDueDay\":15,\"version\":0}";
        TestTokens.as("admin", "ROOT").body(changed).put("/api/v1/indicators/" + projects).then().statusCode(409);
        TestTokens.as("admin", "ROOT").body(changed.replace("工业项目开工数\"", "工业项目开工个数\"").replace("LEVEL", "CUMULATIVE"))
                .put("/api/v1/indicators/" + projects).then().statusCode(200);
    }
}
