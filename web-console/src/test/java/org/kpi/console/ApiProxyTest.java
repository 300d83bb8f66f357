package org.kpi.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.console.session.SessionCookie;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console as the single entry point: /api/** forwarded by the routing table, with the session's token. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ApiProxyTest {

    @Inject
    SessionCookie cookie;

    private String session(Instant expiresAt) {
        return cookie.seal(Tokens.token("supervisor", "370602", "芝罘区督查室", expiresAt));
    }

    @Test
    void eachPathGoesToTheServiceTheRoutingTableNamesWithItsQuery() {
        given().urlEncodingEnabled(false).get("/api/v1/tasks?status=ASSIGNED,IN_PROGRESS&q=%E6%8B%9B%E5%95%86")
                .then().statusCode(200)
                .body("service", equalTo("task-service"))
                .body("uri", equalTo("/api/v1/tasks?status=ASSIGNED,IN_PROGRESS&q=%E6%8B%9B%E5%95%86"));
        given().get("/api/v1/targets/12/progress").then().statusCode(200)
                .body("service", equalTo("target-service")).body("uri", equalTo("/api/v1/targets/12/progress"));
        given().get("/api/v1/supervision-orders").then().statusCode(200).body("service", equalTo("task-service"));
        given().get("/api/v1/org-units/370602").then().statusCode(200).body("service", equalTo("target-service"));
    }

    @Test
    void theAuditLogHasOnePublicRoutePerServiceRewrittenToTheServicesOwnPath() {
        given().get("/api/v1/audit/task?entityType=task&entityId=7").then().statusCode(200)
                .body("service", equalTo("task-service")).body("uri", equalTo("/api/v1/audit?entityType=task&entityId=7"));
        given().get("/api/v1/audit/target").then().statusCode(200)
                .body("service", equalTo("target-service")).body("uri", equalTo("/api/v1/audit"));
    }

    @Test
    void internalFeedsUnknownPathsAndDottedPathsAreNotReachable() {
        for (String path : new String[] {"/api/v1/events?after=0", "/api/v1/feeds/dead-letters", "/api/v1/tasksx",
                "/api/v1/audit", "/api/v1/tasks/..%2f..%2fevents", "/api/v1/tasks/%2e%2e/events", "/api/v2/tasks"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
        }
    }

    @Test
    void theSessionCookieBecomesTheBearerTokenAndStaysWithTheConsole() {
        String token = Tokens.token("department", "370602-FGJ", "芝罘区发展和改革局", Instant.now().plusSeconds(600));
        given().cookie(SessionCookie.NAME, cookie.seal(token)).cookie("other", "x")
                .header("Authorization", "Bearer smuggled")
                .get("/api/v1/tasks/5").then().statusCode(200)
                .body("authorization", equalTo("Bearer " + token)).body("cookie", nullValue());
    }

    @Test
    void anExpiredOrForgedSessionForwardsNoTokenSoTheServiceRefusesIt() {
        given().cookie(SessionCookie.NAME, session(Instant.now().minusSeconds(1)))
                .get("/api/v1/tasks").then().statusCode(200).body("authorization", nullValue());
        String forged = session(Instant.now().plusSeconds(600));
        forged = forged.substring(0, 20) + (forged.charAt(20) == 'A' ? 'B' : 'A') + forged.substring(21);
        given().cookie(SessionCookie.NAME, forged).header("Authorization", "Bearer smuggled")
                .get("/api/v1/tasks").then().statusCode(200).body("authorization", nullValue());
    }

    @Test
    void aClientWithoutSessionUsesTheSameOriginWithItsOwnToken() {
        given().header("Authorization", "Bearer mobile-app-token").get("/api/v1/inbox/../tasks/3")
                .then().statusCode(404);
        given().header("Authorization", "Bearer mobile-app-token").post("/api/v1/tasks/3/assign")
                .then().statusCode(200).body("authorization", equalTo("Bearer mobile-app-token"))
                .body("method", equalTo("POST"));
    }

    @Test
    void aChangeWithTheSessionMustComeFromTheConsolesOwnPages() {
        String session = session(Instant.now().plusSeconds(600));
        given().cookie(SessionCookie.NAME, session).header("Origin", "https://evil.example")
                .contentType(ContentType.JSON).body("{}").post("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("请求来源不符"));
        given().cookie(SessionCookie.NAME, session).contentType(ContentType.JSON).body("{}").post("/api/v1/tasks")
                .then().statusCode(403);
        Response same = given().cookie(SessionCookie.NAME, session).contentType(ContentType.JSON).body("{}")
                .header("Origin", "http://localhost:" + RestAssured.port).post("/api/v1/tasks");
        same.then().statusCode(200).body("service", equalTo("task-service"));
        given().cookie(SessionCookie.NAME, session).header("Sec-Fetch-Site", "same-origin")
                .delete("/api/v1/tasks/9").then().statusCode(200).body("method", equalTo("DELETE"));
    }

    @Test
    void largeUploadsStreamThroughUnchanged() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().contentType("application/octet-stream").body(body)
                .post("/api/v1/tasks/5/progress-reports/9/attachments").then().statusCode(200)
                .body("bodyLength", equalTo(body.length)).body("bodySha256", equalTo(sha));
    }

    @Test
    void aServiceThatIsDownIsA502ProblemNamingIt() {
        given().get("/api/v1/inbox").then().statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("服务暂不可用")).body("detail", containsString("notify-service"));
    }

    @Test
    void theServicesAnswerComesBackAsItWas() {
        Response missing = given().get("/api/v1/tasks/missing");
        assertEquals(404, missing.statusCode());
        assertEquals("task-service", missing.jsonPath().getString("service"));
    }
}
