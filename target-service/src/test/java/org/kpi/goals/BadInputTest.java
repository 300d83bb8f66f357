package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Bad input is a 4xx problem that says what is wrong — never a 500, a stack trace or SQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BadInputTest {

    static ValidatableResponse post(String body) {
        return TestTokens.as("admin", "ROOT").body(body).post("/api/v1/org-units").then().log().ifValidationFails()
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")))
                .body(not(containsString("SQL")))
                .body(not(containsString("org_unit")));
    }

    @Test
    void malformedJsonIs400() {
        post("{\"code\": \"X\", ").statusCode(400).body("type", equalTo("urn:kpi:problem:malformed-body"));
        post("not json at all").statusCode(400);
    }

    @Test
    void wrongTypeNamesTheField() {
        post("{\"code\":\"X1\",\"name\":{\"a\":1},\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        post("{\"code\":\"X2\",\"name\":\"x\",\"type\":\"PROVINCE\"}").statusCode(400)
                .body("errors.field", hasItem("type"))
                .body("errors[0].message", containsString("DISTRICT"));
    }

    @Test
    void missingFieldsAreEachReported() {
        post("{}").statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void emptyBodyIs400() {
        post("").statusCode(400);
    }

    @Test
    void jsonArrayInsteadOfObjectIs400() {
        post("[1,2,3]").statusCode(400);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"code\":\"X3\",\"name\":\"" + "长".repeat(400_000) + "\",\"type\":\"CITY\"}";
        post(big).statusCode(413).body("status", equalTo(413));
    }

    @Test
    void pageSizeOver100AndNonNumericPagingAre400() {
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units?size=1000").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units?page=abc").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units?page=-1").then().statusCode(400);
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units?type=PROVINCE").then().statusCode(400)
                .body("errors.field", hasItem("type"));
    }

    @Test
    void nulCharactersAreRefusedBeforeTheyReachTheDatabase() {
        post("{\"code\":\"X4\",\"name\":\"a\\u0000b\",\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("name"));
        TestTokens.as("admin", "ROOT").urlEncodingEnabled(false).get("/api/v1/org-units/X%00").then().statusCode(400)
                .contentType("application/problem+json");
        TestTokens.as("admin", "ROOT").urlEncodingEnabled(false).get("/api/v1/targets?orgUnit=%00").then().statusCode(400);
    }

    @Test
    void wrongContentTypeIs415() {
        TestTokens.as("admin", "ROOT").contentType("text/plain").body("code=X")
                .post("/api/v1/org-units").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405() {
        TestTokens.as("admin", "ROOT").delete("/api/v1/org-units").then().statusCode(405)
                .contentType("application/problem+json");
    }
}
