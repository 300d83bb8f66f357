package org.kpi.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who a session's token names, read from the token the console sealed into its own cookie (the
 * services verify its signature on every call; the console only shows the user who they are).
 *
 * @param subject   the user
 * @param name      the display name
 * @param role      the platform role: leader, supervisor, department or admin
 * @param orgCode   the user's org unit
 * @param expiresAt when the token, and with it the session, ends
 */
public record SessionClaims(String subject, String name, String role, String orgCode, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The roles a person signs in with, most powerful first; {@code service} is not one. */
    static final List<String> ROLES = List.of("admin", "supervisor", "leader", "department");

    /** The claims of {@code token} while it is still valid at {@code now}. */
    public static Optional<SessionClaims> of(String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            if (!expiresAt.isAfter(now)) {
                return Optional.empty();
            }
            String role = null;
            for (String candidate : ROLES) {
                for (JsonNode group : claims.path("groups")) {
                    if (role == null && candidate.equals(group.asText())) {
                        role = candidate;
                    }
                }
            }
            return Optional.of(new SessionClaims(claims.path("sub").asText(), claims.path("name").asText(""),
                    role, claims.path("org").asText(null), expiresAt));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
