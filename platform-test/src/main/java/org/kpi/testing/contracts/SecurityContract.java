package org.kpi.testing.contracts;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.kpi.testing.TestKeys;
import org.kpi.testing.TestTokens;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must do with tokens: accept a valid one, refuse everything else with a 401
 * problem, and leave health and the OpenAPI document open; metrics are open too, but only on the
 * management interface. Each service's test class
 * extends this and runs it against its own HTTP layer.
 */
public abstract class SecurityContract {

    /** The Prometheus scrape on the service's management interface (its own port in every profile). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

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
                .body("type", containsString("unauthenticated"))
                .body("instance", equalTo(protectedPath()));
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
    public void validlySignedTokenWithAClaimNestedThousandsOfLevelsDeepGets401() throws Exception {
        long now = Instant.now().getEpochSecond();
        int levels = 5000;
        String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"sub\":\"deep\",\"groups\":[\"admin\"],\"org\":\"ANY\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"deep\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
        RestAssured.given().auth().oauth2(signedRs256(claims)).get(protectedPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kpi:problem:unauthenticated"));
        // the same token shape, nested as real tokens are, is accepted: only the depth is refused
        String flat = claims.replace("[".repeat(levels) + "]".repeat(levels), "[[\"a\"]]");
        RestAssured.given().auth().oauth2(signedRs256(flat)).get(protectedPath()).then().statusCode(200);
    }

    /** A JWS (RS256, the test key) over exactly these claims, built by hand so nothing re-encodes them. */
    private static String signedRs256(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(TestKeys.privateKey());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rsa.sign());
    }

    @Test
    public void healthAndOpenApiNeedNoTokenOnTheApiPort() {
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"));
        RestAssured.given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/"));
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    public void metricsAreOnTheManagementPortNotTheApiPort() {
        RestAssured.given().get("/q/metrics").then().statusCode(404);
        RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY")).get("/q/metrics").then().statusCode(404);
        RestAssured.given().get(managementMetrics).then().statusCode(200)
                .body(containsString("jvm_"))
                .body(containsString("http_server_requests"));
    }

    @Test
    public void rawPathsAndClassNamesOfMalformedRequestsAreNoMetricLabels() {
        String token = TestTokens.token("admin", "ANY");
        RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false)
                .get("/api/v1/probe-raw-path-4711/x%00y").then().statusCode(400);
        RestAssured.given().auth().oauth2(token).get("/api/v1/probe-raw-path-4712").then().statusCode(404);
        RestAssured.given().auth().oauth2(token).contentType("application/json").body("{\"a\":")
                .post("/probe-raw-path-4713").then().statusCode(anyOf(equalTo(404), equalTo(405)));
        RestAssured.given().auth().oauth2("not-a-jwt").get(protectedPath() + "/probe-raw-path-4714").then()
                .statusCode(anyOf(equalTo(401), equalTo(404)));
        String metrics = RestAssured.given().get(managementMetrics).then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("probe-raw-path"), "a raw request path became a metric label");
        assertFalse(metrics.matches("(?s).*(exception|class)=\"[a-z]+\\.[a-z]+\\..*"),
                "an exception class became a metric label");
        assertTrue(metrics.contains("uri=\"UNKNOWN\"") || metrics.contains("uri=\"NOT_FOUND\""), metrics);
    }

    @Test
    public void unknownPathIsAProblemToo() {
        RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                .get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
