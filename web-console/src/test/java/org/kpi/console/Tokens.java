package org.kpi.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Tokens shaped as the platform's, for the console to carry (the console does not verify them; the services do). */
final class Tokens {

    private Tokens() {
    }

    static String token(String role, String org, String name, Instant expiresAt) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(new JsonObject().put("iss", "https://kpi.local/auth").put("sub", role + "@" + org)
                .put("name", name).put("org", org).put("groups", new JsonArray().add(role))
                .put("exp", expiresAt.getEpochSecond()).encode().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
