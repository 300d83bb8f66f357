package org.kpi.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.console.routing.ForwardAuth;
import org.kpi.console.session.SessionCookie;

import java.net.URL;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The ingress's external authentication: the session becomes the bearer token, on the management port only. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ForwardAuthTest {

    /** The management interface (its root path, /q, is only for Quarkus's own endpoints). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private URL forward;

    @BeforeEach
    void forwardUrl() throws Exception {
        forward = management.toURI().resolve(ForwardAuth.PATH).toURL();
    }

    @Inject
    SessionCookie cookie;

    @Test
    void aSessionBecomesTheBearerTokenTheIngressPassesOn() {
        String token = Tokens.token("department", "370602-FGJ", "芝罘区发展和改革局", Instant.now().plusSeconds(300));
        given().cookie(SessionCookie.NAME, cookie.seal(token)).header("X-Original-Method", "GET")
                .header("Authorization", "Bearer something-else")
                .get(forward).then().statusCode(200).header("Authorization", equalTo("Bearer " + token));
    }

    @Test
    void withoutASessionTheRequestKeepsItsOwnTokenAndAnEndedOneIsClearedAndCarriesNone() {
        given().header("Authorization", "Bearer mobile-app-token").get(forward).then().statusCode(200)
                .header("Authorization", equalTo("Bearer mobile-app-token"));
        given().get(forward).then().statusCode(200).header("Authorization", nullValue());
        String expired = Tokens.token("leader", "370602", "芝罘区领导", Instant.now().minusSeconds(5));
        given().cookie(SessionCookie.NAME, cookie.seal(expired)).get(forward).then().statusCode(200)
                .header("Authorization", nullValue()).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void anUnsafeRequestWithASessionMustComeFromTheConsolesOwnPages() {
        String token = Tokens.token("supervisor", "370602", "芝罘区督查室", Instant.now().plusSeconds(300));
        String sealed = cookie.seal(token);
        given().cookie(SessionCookie.NAME, sealed).header("X-Original-Method", "POST")
                .header("X-Original-URL", "https://kpi.example.gov.cn/api/v1/tasks").header("Origin", "https://evil.example")
                .get(forward).then().statusCode(403).contentType("application/problem+json");
        given().cookie(SessionCookie.NAME, sealed).header("X-Original-Method", "POST")
                .header("X-Original-URL", "https://kpi.example.gov.cn/api/v1/tasks").header("Origin", "https://kpi.example.gov.cn")
                .get(forward).then().statusCode(200).header("Authorization", equalTo("Bearer " + token));
    }

    @Test
    void thePublicPortDoesNotServeIt() {
        given().get("/auth/forward").then().statusCode(404);
    }
}
