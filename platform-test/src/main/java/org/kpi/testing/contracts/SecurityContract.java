package org.kpi.testing.contracts;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.kpi.testing.TestKeys;
import org.kpi.testing.TestTokens;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What every service must do with tokens: accept a valid one, refuse everything else with a 401
 * problem, and leave health, metrics and the OpenAPI document open. Each service's test class
 * extends this and runs it against its own HTTP layer.
 */
public abstract class SecurityContract {

    /** An endpoint of the service that any authenticated role may GET. */
    protected String protectedPath() {
        return "/api/v1/org-units";
    }

    @Test
    public void validTokenIsAccepted() {
        RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                .get(protectedPath())
                .then().statusCode(200);
    }

    @Test
    public void requestWithoutTokenGets401Problem() {
        RestAssured.given().get(protectedPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("type", containsString("unauthenticated"));
    }

    @Test
    public void tokenSignedByAnotherKeyGets401() {
        String token = TestTokens.signWith(TestTokens.claims("admin", "ANY"), TestKeys.foreignKeyPair().getPrivate());
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    public void unsignedAlgNoneTokenGets401() {
        RestAssured.given().auth().oauth2(TestTokens.unsigned("admin", "ANY")).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    public void hmacTokenIsRefusedEvenWithOtherwiseValidClaims() {
        String token = TestTokens.claims("admin", "ANY").signWithSecret("a-shared-secret-that-is-long-enough-32b");
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401);
    }

    @Test
    public void tokenWithoutExpiryIsRefused() {
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY").expiresAt(0));
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401);
    }

    @Test
    public void tokenFromAnotherIssuerGets401() {
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY").issuer("https://evil.example/auth"));
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401);
    }

    @Test
    public void tokenForAnotherAudienceGets401() {
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY").audience("another-app"));
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401);
    }

    @Test
    public void tokenExpiredMoreThan30SecondsAgoGets401() {
        Instant now = Instant.now();
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY")
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(45)));
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401);
    }

    @Test
    public void tokenExpiredWithinTheClockSkewIsStillAccepted() {
        Instant now = Instant.now();
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY")
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(5)));
        RestAssured.given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(200);
    }

    @Test
    public void garbageTokenGets401WithoutLeakingInternals() {
        RestAssured.given().auth().oauth2("not-a-jwt").get(protectedPath())
                .then().statusCode(401)
                .body(not(containsString("Exception")));
    }

    @Test
    public void healthMetricsAndOpenApiNeedNoToken() {
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_"));
        RestAssured.given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/"));
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    public void unknownPathIsAProblemToo() {
        RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                .get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
