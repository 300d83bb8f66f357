package org.kpi.goals.indicators;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class IndicatorOwnerTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String body(String code, String tolerance) {
        return "{\"code\":\"" + code + "\",\"name\":\"规上工业增加值增速\",\"unit\":\"%\",\"kind\":\"GROWTH_RATE\","
                + "\"direction\":\"HIGHER_IS_BETTER\",\"frequency\":\"MONTHLY\",\"actualsDueDay\":15"
                + (tolerance == null ? "" : ",\"yellowTolerance\":" + tolerance) + "}";
    }

    static void create(String role, String org, String code) {
        TestTokens.as(role, org).body(body(code, null)).post("/api/v1/indicators").then().statusCode(201);
    }

    @Test
    void anIndicatorBelongsToTheUnitOfTheSupervisorWhoCreatedIt() {
        Fixture f = new Fixture();
        String code = "OWN" + f.s;
        TestTokens.as("supervisor", f.districtA).body(body(code, null)).post("/api/v1/indicators")
                .then().statusCode(201).body("ownerUnitCode", equalTo(f.districtA));
        TestTokens.as("department", f.deptB1).get("/api/v1/indicators/" + code).then().statusCode(200)
                .body("ownerUnitCode", equalTo(f.districtA));
        String adminOwned = "ADM" + f.s;
        TestTokens.as("admin", "ROOT").body(body(adminOwned, null)).post("/api/v1/indicators")
                .then().statusCode(201).body("ownerUnitCode", nullValue());
    }

    @Test
    void districtSupervisorCannotRetuneACityIndicator() {
        Fixture f = new Fixture();
        String code = "CITY" + f.s;
        create("supervisor", f.city, code);
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"0\"").body(body(code, "0.02"))
                .put("/api/v1/indicators/" + code).then().statusCode(403)
                .contentType("application/problem+json");
        TestTokens.as("admin", "ROOT").get("/api/v1/indicators/" + code).then()
                .body("version", equalTo(0)).body("yellowTolerance", nullValue());
        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(code, "0.02"))
                .put("/api/v1/indicators/" + code).then().statusCode(200).body("yellowTolerance", equalTo(0.02f));
    }

    @Test
    void onlySupervisorsCoveringTheOwnerOrAdminsChangeAnIndicator() {
        Fixture f = new Fixture();
        String code = "DIS" + f.s;
        create("supervisor", f.districtA, code);
        TestTokens.as("supervisor", f.districtB).header("If-Match", "\"0\"").body(body(code, "0.05"))
                .put("/api/v1/indicators/" + code).then().statusCode(403);
        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(code, "0.05"))
                .put("/api/v1/indicators/" + code).then().statusCode(200);
        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"1\"").body(body(code, "0.06"))
                .put("/api/v1/indicators/" + code).then().statusCode(200);
        TestTokens.as("admin", "ROOT").header("If-Match", "\"2\"").body(body(code, "0.07"))
                .put("/api/v1/indicators/" + code).then().statusCode(200).body("ownerUnitCode", equalTo(f.districtA));

        String adminOwned = "ADM" + f.s;
        create("admin", "ROOT", adminOwned);
        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(adminOwned, "0.05"))
                .put("/api/v1/indicators/" + adminOwned).then().statusCode(403);
    }

    @Test
    void indicatorChangesAreAuditedUnderTheOwnerSoItsSupervisorsReadThemBack() {
        Fixture f = new Fixture();
        String code = "AUD" + f.s;
        create("supervisor", f.city, code);
        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(code, "0.05"))
                .put("/api/v1/indicators/" + code).then().statusCode(200);
        TestTokens.as("supervisor", f.city).get("/api/v1/audit?entity=indicator&id=" + code).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("update"))
                .body("items[0].scopeOrg", equalTo(f.city))
                .body("items[0].after.yellowTolerance", equalTo(0.05f))
                .body("items[1].action", equalTo("create"));
        TestTokens.as("supervisor", f.districtA).get("/api/v1/audit?entity=indicator&id=" + code).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void changingAnIndicatorPublishesItAndRecoloursItsTargetsAtOnce() {
        clock.setDate(LocalDate.of(2026, 7, 20));
        Fixture f = new Fixture();
        String code = "COL" + f.s;
        create("supervisor", f.city, code);
        long a = f.target(code, f.districtA, f.deptA1, "10");
        long b = f.target(code, f.districtB, f.deptB1, "10");
        f.approved(a, "2026-06", "9.5", f.deptA1, f.districtA);
        f.approved(b, "2026-06", "9.5", f.deptB1, f.districtB);
        for (long id : List.of(a, b)) {
            TestTokens.as("admin", "ROOT").get("/api/v1/targets/" + id).then().body("colour", equalTo("YELLOW"));
        }
        long before = feedEnd();

        TestTokens.as("supervisor", f.districtA).header("If-Match", "\"0\"").body(body(code, "0.02"))
                .put("/api/v1/indicators/" + code).then().statusCode(403);
        TestTokens.as("admin", "ROOT").get("/api/v1/targets/" + b).then().body("colour", equalTo("YELLOW"));

        TestTokens.as("supervisor", f.city).header("If-Match", "\"0\"").body(body(code, "0.02"))
                .put("/api/v1/indicators/" + code).then().statusCode(200);
        for (long id : List.of(a, b)) {
            TestTokens.as("admin", "ROOT").get("/api/v1/targets/" + id).then().body("colour", equalTo("RED"));
        }
        List<Map<String, Object>> events = eventsAfter(before);
        Map<String, Object> upserted = events.stream()
                .filter(e -> "indicator.upserted".equals(e.get("type")) && code.equals(e.get("key")))
                .findFirst().orElseThrow();
        assertEquals(f.city, ((Map<?, ?>) upserted.get("payload")).get("ownerUnitCode"));
        for (long id : List.of(a, b)) {
            assertTrue(events.stream().anyMatch(e -> "target.status-changed".equals(e.get("type"))
                    && Long.toString(id).equals(e.get("key"))
                    && "RED".equals(((Map<?, ?>) e.get("payload")).get("to"))), "status change of target " + id);
        }
    }

    /** The sequence number of the feed's last event, paging to the real end. */
    static long feedEnd() {
        long after = 0;
        while (true) {
            JsonPath page = TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=500&after=" + after)
                    .then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return after;
            }
            after = page.getLong("lastSeq");
        }
    }

    static List<Map<String, Object>> eventsAfter(long after) {
        List<Map<String, Object>> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=500&after=" + cursor)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return events;
            }
            events.addAll(items);
            cursor = page.getLong("lastSeq");
        }
    }
}
