package org.kpi.goals.org;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrgUnitApiTest {

    String city;
    String districtA;
    String districtB;
    String deptA1;
    String deptA2;
    String deptB1;

    /** A fresh city with two districts and three departments, unique to this test. */
    @BeforeEach
    void tree() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        city = "C" + s;
        districtA = "DA" + s;
        districtB = "DB" + s;
        deptA1 = "A1_" + s;
        deptA2 = "A2-" + s;
        deptB1 = "B1" + s;
        create(city, "烟台市", "CITY", null);
        create(districtA, "芝罘区", "DISTRICT", city);
        create(districtB, "莱山区", "DISTRICT", city);
        create(deptA1, "芝罘区发改局", "DEPARTMENT", districtA);
        create(deptA2, "芝罘区统计局", "DEPARTMENT", districtA);
        create(deptB1, "莱山区商务局", "DEPARTMENT", districtB);
    }

    static void create(String code, String name, String type, String parent) {
        String body = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + "}";
        TestTokens.as("admin", "ROOT").body(body).post("/api/v1/org-units")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/org-units/" + code))
                .body("code", equalTo(code))
                .body("version", equalTo(0));
    }

    @Test
    void adminCreatesUnitsAndAnyoneInScopeReadsThem() {
        TestTokens.as("leader", city).get("/api/v1/org-units/" + deptB1)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("莱山区商务局"))
                .body("type", equalTo("DEPARTMENT"))
                .body("parentCode", equalTo(districtB))
                .body("createdAt", notNullValue());
    }

    @Test
    void numericAdministrativeDivisionCodesAreAccepted() {
        String code = "37" + (100000 + (int) (Math.random() * 800000));
        create(code, "数字代码区", "DISTRICT", city);
    }

    @Test
    void departmentReadsOnlyItsOwnSubtree() {
        TestTokens.as("department", deptA1).get("/api/v1/org-units/" + deptA1).then().statusCode(200);
        TestTokens.as("department", deptA1).get("/api/v1/org-units/" + deptA2).then().statusCode(404)
                .contentType("application/problem+json");
        TestTokens.as("department", deptA1).get("/api/v1/org-units/" + districtA).then().statusCode(404);
        TestTokens.as("department", deptA1).get("/api/v1/org-units/" + deptB1).then().statusCode(404);
        TestTokens.as("department", deptA1).get("/api/v1/org-units")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", equalTo(List.of(deptA1)));
    }

    @Test
    void districtSupervisorSeesItsDistrictAndDepartmentsOnly() {
        TestTokens.as("supervisor", districtA).get("/api/v1/org-units")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.code", containsInAnyOrder(districtA, deptA1, deptA2));
        TestTokens.as("supervisor", districtA).get("/api/v1/org-units/" + deptB1).then().statusCode(404);
        TestTokens.as("supervisor", districtA).get("/api/v1/org-units/" + city).then().statusCode(404);
    }

    @Test
    void cityCallerSeesTheWholeCity() {
        TestTokens.as("leader", city).get("/api/v1/org-units?size=100")
                .then().statusCode(200)
                .body("total", equalTo(6));
        TestTokens.as("supervisor", city).get("/api/v1/org-units?type=DEPARTMENT")
                .then().statusCode(200)
                .body("total", equalTo(3));
        TestTokens.as("supervisor", city).get("/api/v1/org-units?parent=" + districtA)
                .then().statusCode(200)
                .body("items.code", containsInAnyOrder(deptA1, deptA2));
    }

    @Test
    void callerWithAnUnknownOrgSeesNothing() {
        TestTokens.as("supervisor", "NOWHERE").get("/api/v1/org-units")
                .then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("supervisor", "NOWHERE").get("/api/v1/org-units/" + city).then().statusCode(404);
    }

    @Test
    void tokenWithoutAnOrgClaimSeesNothingRatherThanFailing() {
        String token = org.kpi.testing.TestTokens.sign(TestTokens.claims("supervisor", "X").remove("org"));
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/org-units")
                .then().statusCode(200).body("total", equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listPagesAreBounded() {
        Response page = TestTokens.as("leader", city).get("/api/v1/org-units?size=2&page=1");
        page.then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(6));
        assertEquals(2, page.jsonPath().getList("items").size());
        TestTokens.as("leader", city).get("/api/v1/org-units?size=101")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void onlyAdminsCreateUnits() {
        for (String role : List.of("supervisor", "leader", "department", "service")) {
            TestTokens.as(role, city)
                    .body("{\"code\":\"X" + role + "\",\"name\":\"x\",\"type\":\"DEPARTMENT\",\"parentCode\":\"" + districtA + "\"}")
                    .post("/api/v1/org-units")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units/Xsupervisor").then().statusCode(404);
    }

    @Test
    void duplicateCodeIsAConflict() {
        TestTokens.as("admin", "ROOT")
                .body("{\"code\":\"" + deptA1 + "\",\"name\":\"重复\",\"type\":\"DEPARTMENT\",\"parentCode\":\"" + districtA + "\"}")
                .post("/api/v1/org-units")
                .then().statusCode(409)
                .contentType("application/problem+json");
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units/" + deptA1).then().body("name", equalTo("芝罘区发改局"));
    }

    @Test
    void treeShapeIsEnforced() {
        TestTokens.as("admin", "ROOT")
                .body("{\"code\":\"Z" + deptA1 + "\",\"name\":\"孤儿区\",\"type\":\"DISTRICT\"}")
                .post("/api/v1/org-units")
                .then().statusCode(400).body("errors.field", hasItem("parentCode"));
        TestTokens.as("admin", "ROOT")
                .body("{\"code\":\"Y" + deptA1 + "\",\"name\":\"错层\",\"type\":\"DISTRICT\",\"parentCode\":\"" + deptA1 + "\"}")
                .post("/api/v1/org-units")
                .then().statusCode(400).body("errors.field", hasItem("parentCode"));
        TestTokens.as("admin", "ROOT")
                .body("{\"code\":\"W" + deptA1 + "\",\"name\":\"无上级\",\"type\":\"DEPARTMENT\",\"parentCode\":\"NO_SUCH\"}")
                .post("/api/v1/org-units")
                .then().statusCode(400).body("errors.field", hasItem("parentCode"));
    }

    @Test
    void badCodesAreRefusedPerField() {
        for (String code : List.of("", "has space", "中文代码", "x".repeat(33), "semi;colon")) {
            TestTokens.as("admin", "ROOT")
                    .body("{\"code\":\"" + code + "\",\"name\":\"x\",\"type\":\"CITY\"}")
                    .post("/api/v1/org-units")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("code"));
        }
    }

    @Test
    void renameNeedsTheCurrentVersion() {
        TestTokens.as("admin", "ROOT").body("{\"name\":\"芝罘区发展和改革局\"}")
                .put("/api/v1/org-units/" + deptA1)
                .then().statusCode(428).contentType("application/problem+json");
        TestTokens.as("admin", "ROOT").header("If-Match", "\"0\"").body("{\"name\":\"芝罘区发展和改革局\"}")
                .put("/api/v1/org-units/" + deptA1)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1));
        TestTokens.as("admin", "ROOT").header("If-Match", "\"0\"").body("{\"name\":\"过期修改\"}")
                .put("/api/v1/org-units/" + deptA1)
                .then().statusCode(409)
                .body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units/" + deptA1)
                .then().body("name", equalTo("芝罘区发展和改革局"))
                .body("name", not(equalTo("过期修改")));
    }
}
