package org.kpi.console.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kpi.console.FakeServices;
import org.kpi.console.session.SessionCookie;
import org.kpi.testing.keycloak.KeycloakServer;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in against a real Keycloak with the platform's realm: the authorization code
 * flow with PKCE, the provider's token as the console's session and the services' bearer token,
 * renewal with the refresh token, and signing out of both. Runs in the {@code keycloak} profile.
 */
@Tag("keycloak")
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(value = KeycloakServer.class, initArgs = @ResourceArg(name = "for", value = "console"))
@TestProfile(ProviderSignInTest.Production.class)
class ProviderSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The console as production runs it, with the identity provider; renewal before every call. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true", "kpi.console.session.secure", "false",
                    // the realm's access tokens live five minutes: renew whenever the session is used
                    "kpi.console.session.renew-before", "10m");
        }
    }

    private final String console = "http://localhost:" + KeycloakServer.consolePort();
    private final URI consoleOrigin = URI.create(console);

    @Test
    void signingInThroughKeycloakWithPkceOpensASessionWhoseTokenTheServicesReceive() throws Exception {
        Browser browser = new Browser();
        String session = signIn(browser, "supervisor-370602", "/tasks/42?tab=reports");

        JsonNode me = JSON.readTree(browser.get(console + "/auth/session").body());
        assertEquals("芝罘区督查室", me.get("name").asText());
        assertEquals("supervisor", me.get("role").asText());
        assertEquals("370602", me.get("orgUnitCode").asText());
        assertEquals("oidc", me.get("signIn").asText());
        assertEquals(false, me.get("demo").asBoolean());

        JsonNode echoed = JSON.readTree(browser.get(console + "/api/v1/tasks?page=0").body());
        String bearer = echoed.get("authorization").asText();
        assertTrue(bearer.startsWith("Bearer "), bearer);
        JsonNode claims = claims(bearer.substring("Bearer ".length()));
        assertEquals(KeycloakServer.realmUrl(), claims.get("iss").asText());
        assertTrue(claims.get("aud").toString().contains("kpi-platform"), claims.toString());
        assertEquals("370602", claims.get("org").asText());
        assertTrue(claims.get("groups").toString().contains("supervisor"), claims.toString());
        assertTrue(echoed.get("cookie").isNull(), "the console's cookies stay with the console");
        assertNotNull(session);
    }

    @Test
    void theAccessTokenIsRenewedWithTheRefreshTokenWhileTheSessionIsUsed() throws Exception {
        Browser browser = new Browser();
        signIn(browser, "department-370602-fgj", "/workbench");
        String first = bearer(browser);
        String cookieBefore = browser.cookie(consoleOrigin, SessionCookie.NAME);
        Thread.sleep(1100); // a renewed token is issued in a later second
        HttpResponse<String> renewed = browser.get(console + "/api/v1/tasks");
        assertEquals(200, renewed.statusCode());
        assertTrue(renewed.headers().firstValue("Set-Cookie").orElse("").startsWith(SessionCookie.NAME + "="),
                "the renewed session goes back to the browser");
        assertNotEquals(cookieBefore, browser.cookie(consoleOrigin, SessionCookie.NAME));
        String second = bearer(browser);
        assertNotEquals(claims(first).get("iat"), claims(second).get("iat"));
        assertEquals("370602-FGJ", claims(second).get("org").asText());
    }

    @Test
    void signingOutEndsTheConsoleSessionAndTheProvidersSoTheOldSessionCannotBeRenewed() throws Exception {
        Browser browser = new Browser();
        signIn(browser, "leader-370602", "/cockpit");
        String oldSession = browser.cookie(consoleOrigin, SessionCookie.NAME);

        HttpResponse<String> signOut = browser.post(console + "/auth/sign-out", "", "text/plain",
                Map.of("Origin", console));
        assertEquals(204, signOut.statusCode());
        assertNull(browser.cookie(consoleOrigin, SessionCookie.NAME));
        HttpResponse<String> providerSignOut = browser.get(console + "/auth/oidc/sign-out");
        assertEquals(302, providerSignOut.statusCode());
        String endSession = providerSignOut.headers().firstValue("Location").orElseThrow();
        assertTrue(endSession.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/logout"), endSession);
        assertTrue(endSession.contains("id_token_hint="), endSession);
        HttpResponse<String> back = browser.get(endSession);
        assertEquals(302, back.statusCode(), back.body());
        String signedOut = back.headers().firstValue("Location").orElseThrow();
        assertTrue(signedOut.startsWith(console + "/login?signedOut=1"), signedOut);

        // the cookie of before, replayed: its refresh token is dead at the provider
        Browser replay = new Browser();
        replay.setCookie(consoleOrigin, SessionCookie.NAME, oldSession);
        HttpResponse<String> session = replay.get(console + "/auth/session");
        assertEquals(401, session.statusCode());
        assertTrue(session.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
    }

    @Test
    void aWrongPasswordOpensNoSessionAndTheDemoSignInIsOff() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(console + "/auth/oidc/sign-in?return=/tasks");
        String login = start.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = browser.get(login);
        HttpResponse<String> refused = browser.signIn(page.body(), login, "supervisor-370602", "wrong-password");
        assertEquals(200, refused.statusCode(), "Keycloak shows its form again");
        assertNull(browser.cookie(consoleOrigin, SessionCookie.NAME));
        assertEquals(401, browser.get(console + "/auth/session").statusCode());
        assertEquals(404, browser.get(console + "/auth/demo/identities").statusCode());
    }

    @Test
    void theReturnAddressMustBeAPageOfTheConsole() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landed = signInResponse(browser, "supervisor-370602", "//evil.example/x");
        assertEquals(console + "/", landed.headers().firstValue("Location").orElseThrow());
    }

    /** Signs in as {@code username} from {@code page}; the session cookie, after checking each step. */
    private String signIn(Browser browser, String username, String page) throws Exception {
        HttpResponse<String> landed = signInResponse(browser, username, page);
        assertEquals(console + page, landed.headers().firstValue("Location").orElseThrow());
        String session = browser.cookie(consoleOrigin, SessionCookie.NAME);
        assertNotNull(session, "the console's session cookie is set");
        String setCookie = landed.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        return session;
    }

    private HttpResponse<String> signInResponse(Browser browser, String username, String page) throws Exception {
        HttpResponse<String> start = browser.get(console + "/auth/oidc/sign-in?return="
                + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertEquals(302, start.statusCode(), start.body());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        Map<String, String> query = query(authorize);
        assertTrue(authorize.startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"), authorize);
        assertEquals("kpi-console", query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("code_challenge").length() >= 43, "a SHA-256 code challenge");
        assertEquals(console + "/auth/oidc/callback", query.get("redirect_uri"));

        HttpResponse<String> loginPage = browser.get(authorize);
        assertEquals(200, loginPage.statusCode());
        HttpResponse<String> afterLogin = browser.signIn(loginPage.body(), authorize, username, KeycloakServer.PASSWORD);
        assertEquals(302, afterLogin.statusCode(), afterLogin.body());
        String callback = afterLogin.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(console + "/auth/oidc/callback?"), callback);
        assertTrue(query(callback).containsKey("code"));

        HttpResponse<String> exchanged = browser.get(callback);
        assertEquals(302, exchanged.statusCode(), exchanged.body());
        String restored = exchanged.headers().firstValue("Location").orElseThrow();
        assertTrue(restored.contains("/auth/oidc/sign-in"), restored);
        HttpResponse<String> landed = browser.get(restored.startsWith("/") ? console + restored : restored);
        assertEquals(303, landed.statusCode(), landed.body());
        return landed;
    }

    private String bearer(Browser browser) throws Exception {
        HttpResponse<String> response = browser.get(console + "/api/v1/tasks");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("authorization").asText().substring("Bearer ".length());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? List.<String>of() : List.of(raw.split("&"))) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
