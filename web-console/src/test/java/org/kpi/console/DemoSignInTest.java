package org.kpi.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.kpi.console.session.SessionCookie;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo sign-in of the local platform: identities from the org tree, one click, a real session. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@TestProfile(DemoSignInTest.Demo.class)
class DemoSignInTest {

    /** The settings ./kpi up gives the console. */
    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kpi.console.demo.enabled", "true", "kpi.console.session.secure", "false");
        }
    }

    @Test
    void theIdentitiesAreEachRoleOfEachUnitNamedInChinese() {
        given().get("/auth/demo/identities").then().statusCode(200)
                .body("label", hasItems("平台管理员（烟台市）", "烟台市领导", "烟台市督查室", "芝罘区督查室", "芝罘区领导",
                        "芝罘区发展和改革局", "芝罘区住房和城乡建设局"))
                .body("find { it.label == '芝罘区督查室' }.role", equalTo("supervisor"))
                .body("find { it.label == '芝罘区发展和改革局' }.orgUnitCode", equalTo("370602-FGJ"))
                .body("find { it.label == '芝罘区发展和改革局' }.group", equalTo("芝罘区"))
                .body("role", not(hasItems("service")));
    }

    @Test
    void oneClickSignsInWithAnHttpOnlyCookieWhoseTokenTheServicesReceive() {
        Response signedIn = given().contentType(ContentType.JSON)
                .body("{\"role\":\"department\",\"orgUnitCode\":\"370602-FGJ\"}").post("/auth/demo/sign-in");
        signedIn.then().statusCode(200).body("name", equalTo("芝罘区发展和改革局")).body("role", equalTo("department"))
                .body("demo", equalTo(true))
                .header("Set-Cookie", allOf(containsString("HttpOnly"), containsString("SameSite=Strict"),
                        containsString("Path=/"), not(containsString("Secure"))));
        String session = signedIn.cookie(SessionCookie.NAME);
        given().cookie(SessionCookie.NAME, session).get("/auth/session").then().statusCode(200)
                .body("orgUnitCode", equalTo("370602-FGJ"));
        String authorization = given().cookie(SessionCookie.NAME, session).get("/api/v1/tasks").then().statusCode(200)
                .extract().path("authorization");
        String token = authorization.substring("Bearer ".length());
        JsonObject claims = Tokens.claims(token);
        assertEquals("370602-FGJ", claims.getString("org"));
        assertEquals(List.of("department"), claims.getJsonArray("groups").getList());
        assertEquals("kpi-platform", claims.getValue("aud") instanceof String s ? s : claims.getJsonArray("aud").getString(0));
        assertEquals("https://kpi.local/auth", claims.getString("iss"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        assertTrue(lifetime > 7 * 3600 && lifetime <= 8 * 3600, "an eight-hour session, was " + lifetime + " s");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertTrue(header.contains("RS256"), header);
    }

    @Test
    void anIdentityTheDemoDoesNotOfferIsRefusedWithAReason() {
        given().contentType(ContentType.JSON).body("{\"role\":\"admin\",\"orgUnitCode\":\"370602-FGJ\"}")
                .post("/auth/demo/sign-in").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("没有这个演示身份")).header("Set-Cookie", (String) null);
        given().contentType(ContentType.JSON).body("{\"role\":\"service\",\"orgUnitCode\":\"370600\"}")
                .post("/auth/demo/sign-in").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"orgUnitCode\":\"\"}")
                .post("/auth/demo/sign-in").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'role' }.message", equalTo("请选择角色"))
                .body("errors.find { it.field == 'orgUnitCode' }.message", equalTo("请选择单位"));
    }
}
