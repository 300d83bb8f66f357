package org.kpi.task.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.common.security.CachingJwtParser;
import org.kpi.task.OrgFixture;
import org.kpi.task.TaskApi;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestKeys;
import org.kpi.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache of verified tokens on the real HTTP layer: a token seen before is not verified again,
 * yet a cached token is refused the moment the verifier would refuse it, and nothing the verifier
 * refuses is ever let through because a similar token was cached.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@TestProfile(TokenCacheTest.OneSecondSkew.class)
class TokenCacheTest {

    /** A clock skew of one second, so expiry is reached without waiting the shared 30 s. */
    public static class OneSecondSkew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", String.valueOf(SKEW_SECONDS));
        }
    }

    static final long SKEW_SECONDS = 1;
    private static final String PATH = "/api/v1/org-units";

    @Inject
    CachingJwtParser parser;

    @Inject
    OrgFixture orgs;

    @Test
    void aCachedTokenIsRefusedTheMomentItExpires() throws InterruptedException {
        long exp = Instant.now().getEpochSecond() + 3;
        String token = TestTokens.sign(TestTokens.claims("admin", "ANY").expiresAt(exp));

        long verified = parser.verifications();
        long hits = parser.cache().hits();
        get(token).then().statusCode(200);
        assertEquals(verified + 1, parser.verifications(), "the first request verifies the token");
        get(token).then().statusCode(200);
        assertEquals(verified + 1, parser.verifications(), "the second request is not verified again");
        assertEquals(hits + 1, parser.cache().hits(), "the second request is served from the cache");

        // the verifier refuses from the first second at which now - skew >= exp
        long refusedFromMillis = (exp + SKEW_SECONDS) * 1000;
        waitUntil(refusedFromMillis);
        TaskApi.problem(get(token).then()).statusCode(401)
                .body("status", equalTo(401))
                .body("type", containsString("unauthenticated"));
        assertEquals(verified + 2, parser.verifications(), "the expired token went back to the verifier");
        assertEquals(hits + 1, parser.cache().hits(), "an expired token is never a hit");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenAfterAValidTokenWithTheSameClaimsWasCached() {
        Instant now = Instant.now();
        String valid = TestTokens.sign(TestTokens.claims("admin", "ANY").issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim("jti", "same-claims"));
        String foreign = TestTokens.signWith(TestTokens.claims("admin", "ANY").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("jti", "same-claims"), TestKeys.foreignKeyPair().getPrivate());
        assertEquals(valid.substring(0, valid.lastIndexOf('.')), foreign.substring(0, foreign.lastIndexOf('.')),
                "the same header and claims, only the signature differs");

        get(valid).then().statusCode(200);
        get(valid).then().statusCode(200);
        long verified = parser.verifications();
        TaskApi.problem(get(foreign).then()).statusCode(401);
        TaskApi.problem(get(foreign).then()).statusCode(401);
        assertEquals(verified + 2, parser.verifications(), "a refused token is verified (and refused) every time");
        get(valid).then().statusCode(200);
        assertEquals(verified + 2, parser.verifications(), "the valid token is still served from the cache");
    }

    @Test
    void aTamperedTokenIsRefusedThoughATokenWithTheSameHeaderAndSignatureWasCached() {
        String valid = TestTokens.token("department", "ANY");
        get(valid).then().statusCode(200);
        get(valid).then().statusCode(200);

        String[] parts = valid.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"org\":\"ANY\""), claims);
        String otherOrg = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"org\":\"ANY\"", "\"org\":\"EVIL\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherOrg + "." + parts[2];

        long verified = parser.verifications();
        TaskApi.problem(get(tampered).then()).statusCode(401);
        assertEquals(verified + 1, parser.verifications(), "the tampered token went to the verifier");
    }

    @Test
    void aCachedTokenKeepsItsRolesAndOrgUnit() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        String lead = TestTokens.token("department", tree.a1());
        String other = TestTokens.token("department", tree.a3());
        String body = TaskApi.body(tree, "缓存令牌越权创建", "2026-12-31", "2026-08-31");
        long hits = parser.cache().hits();
        for (int i = 0; i < 2; i++) {
            RestAssured.given().auth().oauth2(lead).get("/api/v1/tasks/" + id).then().statusCode(200)
                    .body("id", equalTo((int) id));
            TaskApi.problem(RestAssured.given().auth().oauth2(other).get("/api/v1/tasks/" + id).then())
                    .statusCode(404);
            TaskApi.problem(RestAssured.given().auth().oauth2(lead).contentType("application/json").body(body)
                    .post("/api/v1/tasks").then()).statusCode(403);
        }
        assertEquals(hits + 4, parser.cache().hits(), "the lead's second use, and the whole second round, came from the cache");
    }

    private static Response get(String token) {
        return RestAssured.given().auth().oauth2(token).get(PATH);
    }

    private static void waitUntil(long epochMillis) throws InterruptedException {
        long left = epochMillis - System.currentTimeMillis();
        while (left > 0) {
            Thread.sleep(left);
            left = epochMillis - System.currentTimeMillis();
        }
    }
}
