package org.kpi.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.console.session.SessionCookie;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The console's session endpoints as production has them: the demo sign-in is off. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class SessionTest {

    @Inject
    SessionCookie cookie;

    @Test
    void theDemoSignInIsOffOutsideTheLocalPlatform() {
        given().get("/auth/demo/identities").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("./kpi up"));
        given().contentType(ContentType.JSON).body("{\"role\":\"admin\",\"orgUnitCode\":\"370600\"}")
                .post("/auth/demo/sign-in").then().statusCode(404).header("Set-Cookie", (String) null);
    }

    @Test
    void theSessionNamesTheSignedInUserUntilItsTokenExpires() {
        String token = Tokens.token("leader", "370602", "芝罘区领导", Instant.now().plusSeconds(300));
        given().cookie(SessionCookie.NAME, cookie.seal(token)).get("/auth/session").then().statusCode(200)
                .body("name", equalTo("芝罘区领导")).body("role", equalTo("leader"))
                .body("orgUnitCode", equalTo("370602")).body("demo", equalTo(false));
        String expired = Tokens.token("leader", "370602", "芝罘区领导", Instant.now().minusSeconds(1));
        given().cookie(SessionCookie.NAME, cookie.seal(expired)).get("/auth/session").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/auth/session").then().statusCode(401);
        given().cookie(SessionCookie.NAME, "not-a-sealed-value").get("/auth/session").then().statusCode(401);
    }

    @Test
    void signingOutClearsTheCookie() {
        given().post("/auth/sign-out").then().statusCode(204)
                .header("Set-Cookie", allOf(containsString(SessionCookie.NAME + "=;"), containsString("Max-Age=0"),
                        containsString("HttpOnly"), containsString("SameSite=Strict"), containsString("Secure")));
    }
}
