package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kpi.testing.MalformedMultipart;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is a 4xx problem that says what is wrong — never a 500, a stack trace or SQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BadInputTest {

    @TestHTTPResource("/api/v1/org-units")
    URI orgUnits;

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
    void chunkedBodyOverOneMebibyteIs413() throws Exception {
        String big = "{\"code\":\"X5\",\"name\":\"" + "长".repeat(400_000) + "\",\"type\":\"CITY\"}";
        HttpResponse<String> response = postChunked(big);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("urn:kpi:problem:payload-too-large"), response.body());
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units/X5").then().statusCode(404);
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        String code = "X" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = postChunked("{\"code\":\"" + code + "\",\"name\":\"分块市\",\"type\":\"CITY\"}");
        assertEquals(201, response.statusCode(), response.body());
    }

    /** Posts an org unit as a chunked body: no Content-Length, so only reading it can bound it. */
    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(orgUnits)
                .header("Authorization", "Bearer " + TestTokens.token("admin", "ROOT"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} multipart ledger import is a 400 problem")
    @EnumSource(MalformedMultipart.class)
    void malformedMultipartImportIs400(MalformedMultipart body) throws Exception {
        HttpResponse<String> response = body.post("/api/v1/targets/import", TestTokens.token("admin", "ROOT"));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("urn:kpi:problem:malformed-body"), response.body());
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
    void bidiOverridesAndControlsInCodesAndNamesAreRefusedNamingTheField() {
        post("{\"code\":\"X6\",\"name\":\"芝罘区\u202E局改发\",\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors[0].message", containsString("U+202E"));
        post("{\"code\":\"X7\\u2067\",\"name\":\"市\",\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("code"));
        post("{\"code\":\"X8\",\"name\":\"两行\\n名称\",\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("name"));
        post("{\"code\":\"X9\",\"name\":\"响铃\\u0007\",\"type\":\"CITY\"}").statusCode(400)
                .body("errors.field", hasItem("name"));
        TestTokens.as("admin", "ROOT").get("/api/v1/org-units/X6").then().statusCode(404);
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
