package org.kpi.task.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.ServiceTokens;
import org.kpi.task.OrgFixture;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.keycloak.KeycloakServer;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * task-service behind a real Keycloak with the platform's realm: tokens are verified through the
 * realm's JWKS, a demo user's token is scoped to its unit, a token for another audience is
 * refused, and the feed client's token comes from the client-credentials grant and is renewed.
 * Runs in the {@code keycloak} profile.
 */
@Tag("keycloak")
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(KeycloakServer.class)
class KeycloakTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrgFixture orgs;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDepartmentsPasswordGrantTokenIsAcceptedAndScopedToItsUnit() throws Exception {
        demoUnits();
        String supervisor = token("supervisor-370602", "access_token");
        long own = assignedTask(supervisor, "370602-FGJ", "招商项目落地（发改局牵头）");
        long other = assignedTask(supervisor, "370602-GXJ", "技改项目推进（工信局牵头）");

        String department = token("department-370602-fgj", "access_token");
        given().auth().oauth2(department).get("/api/v1/tasks/" + own)
                .then().statusCode(200).body("leadUnitCode", equalTo("370602-FGJ"));
        given().auth().oauth2(department).get("/api/v1/tasks/" + other).then().statusCode(404);
        given().auth().oauth2(department).get("/api/v1/tasks?q=项目").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) own)));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // the ID token of the same sign-in names the client, not kpi-platform
        String idToken = token("department-370602-fgj", "id_token");
        assertEquals("kpi-cli", claims(idToken).get("aud").asText());
        given().auth().oauth2(idToken).get("/api/v1/tasks").then().statusCode(401);
        given().auth().oauth2(token("department-370602-fgj", "access_token")).get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void theFeedClientsTokenComesFromTheClientCredentialsGrantAndIsRenewedBeforeItExpires() throws Exception {
        String first = serviceTokens.bearer();
        JsonNode claims = claims(first);
        assertEquals(KeycloakServer.realmUrl(), claims.get("iss").asText());
        assertEquals("kpi-service", claims.get("azp").asText());
        assertTrue(claims.get("groups").toString().contains("service"), claims.toString());
        given().auth().oauth2(first).get("/api/v1/events?after=0&limit=1").then().statusCode(200);
        assertEquals(first, serviceTokens.bearer(), "the same token while it has more than a minute left");

        // the realm's tokens live five minutes: four and a half later it is renewed
        clock.advance(Duration.ofSeconds(270));
        String renewed = serviceTokens.bearer();
        assertNotEquals(first, renewed);
        assertNotEquals(claims.get("jti").asText(), claims(renewed).get("jti").asText());
        given().auth().oauth2(renewed).get("/api/v1/events?after=0&limit=1").then().statusCode(200);
    }

    /** The units of the realm's demo users, as target-service's feed would bring them. */
    private void demoUnits() {
        orgs.unit("370600", "烟台市", "CITY", null);
        orgs.unit("370602", "芝罘区", "DISTRICT", "370600");
        orgs.unit("370602-FGJ", "芝罘区发展和改革局", "DEPARTMENT", "370602");
        orgs.unit("370602-GXJ", "芝罘区工业和信息化局", "DEPARTMENT", "370602");
        orgs.drain();
    }

    private static long assignedTask(String supervisor, String lead, String title) {
        long id = given().auth().oauth2(supervisor).contentType("application/json")
                .body("{\"title\":\"" + title + "\",\"leadUnitCode\":\"" + lead + "\",\"dueDate\":\"2026-12-31\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        Response read = given().auth().oauth2(supervisor).get("/api/v1/tasks/" + id);
        read.then().statusCode(200);
        given().auth().oauth2(supervisor).header("If-Match", read.header("ETag"))
                .post("/api/v1/tasks/" + id + "/assign").then().statusCode(200);
        return id;
    }

    private static String token(String username, String field) throws Exception {
        return JSON.readTree(KeycloakServer.passwordGrant(username)).get(field).asText();
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
