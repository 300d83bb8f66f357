package org.kpi.console;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built client as a browser meets it: page addresses, caching, compression, one origin. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ClientPagesTest {

    @Test
    void everyPageAddressOpensTheClientWhichIsRevalidatedOnEachVisit() {
        for (String page : new String[] {"/", "/tasks/42", "/cockpit?orgUnit=370602", "/login?redirect=%2Ftasks"}) {
            given().accept("text/html,application/xhtml+xml").urlEncodingEnabled(false).get(page).then()
                    .statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .body(containsString("<div id=\"app\"></div>"));
        }
    }

    @Test
    void hashedAssetsAreCachedForAYearAndCompressed() {
        String index = given().accept("text/html").get("/").then().extract().asString();
        Matcher script = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), index);
        given().header("Accept-Encoding", "gzip").get(script.group(1)).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Encoding", equalTo("gzip"));
        given().get("/assets/missing-0000.js").then().statusCode(404);
    }

    @Test
    void theClientLoadsNothingFromAnotherHost() {
        String index = given().accept("text/html").get("/").then().extract().asString();
        assertTrue(!index.contains("http://") && !index.contains("https://") && !index.contains("//cdn"), index);
    }

    @Test
    void anApiPathIsNeverAnsweredWithThePage() {
        given().accept("text/html").get("/api/v1/events").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/html").get("/auth/nothing-here").then().statusCode(404);
    }
}
