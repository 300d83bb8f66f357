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
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestKeys;
import org.kpi.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changed verification key forgets every cached token: the service verifies with a public key
 * file of this test's own, which the test replaces; once the key check interval has passed, the
 * next request with a cached token is verified by smallrye-jwt again.
 */
@QuarkusTest
@WithTestResource(TokenCacheKeyChangeTest.RewritableKey.class)
@WithTestResource(FeedStubResource.class)
@TestProfile(TokenCacheKeyChangeTest.ShortKeyCheck.class)
class TokenCacheKeyChangeTest {

    /** The key file the service reads: a copy of the test public key, for this test to replace. */
    static final Path KEY_FILE = Path.of("target", "token-cache-keys", "public.pem").toAbsolutePath();
    private static final long KEY_CHECK_MILLIS = 500;
    private static final long WAIT_MILLIS = 15_000;

    /** The key source is read again every half second. */
    public static class ShortKeyCheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", "1",
                    "kpi.security.token-cache.key-check-interval", KEY_CHECK_MILLIS + "ms");
        }
    }

    /** PostgreSQL as every test has it, with the public key location moved to {@link #KEY_FILE}. */
    public static class RewritableKey extends PostgresResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try {
                Files.createDirectories(KEY_FILE.getParent());
                Files.copy(TestKeys.publicKeyFile(), KEY_FILE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.put("mp.jwt.verify.publickey.location", KEY_FILE.toUri().toString());
            return config;
        }
    }

    @Inject
    CachingJwtParser parser;

    @Test
    void aChangedVerificationKeyClearsTheCache() throws IOException, InterruptedException {
        String token = TestTokens.token("admin", "ANY");
        get(token).then().statusCode(200);
        long verified = parser.verifications();
        long hits = parser.cache().hits();
        get(token).then().statusCode(200);
        assertEquals(verified, parser.verifications(), "cached before the key changes");
        assertEquals(hits + 1, parser.cache().hits());

        replaceKey(TestKeys.foreignKeyPair().getPublic());
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        Response afterChange = get(token);
        while (parser.verifications() == verified && System.currentTimeMillis() < deadline) {
            Thread.sleep(KEY_CHECK_MILLIS / 5);
            afterChange = get(token);
        }
        assertEquals(verified + 1, parser.verifications(),
                "once the key check ran, the cached token was verified by smallrye-jwt again");
        // smallrye-jwt loads a PEM key file once and keeps it: the old key still verifies this
        // token, so it is cached again; what the cache guarantees is that it asked the verifier
        assertEquals(200, afterChange.statusCode());
        assertTrue(parser.cache().size() >= 1);
    }

    private static Response get(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/org-units");
    }

    private static void replaceKey(PublicKey key) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path temp = Files.createTempFile(KEY_FILE.getParent(), "key", ".tmp");
        Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        Files.move(temp, KEY_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
