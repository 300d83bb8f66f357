package org.kpi.console.session;

import java.time.Instant;

/**
 * The signed-in user, as the console's pages show it.
 *
 * @param name        display name (“芝罘区督查室”)
 * @param role        leader, supervisor, department or admin
 * @param orgUnitCode the user's org unit
 * @param expiresAt   when the session ends and the user signs in again
 * @param demo        whether this is a demo session of the local platform
 * @param signIn       how the user signed in: {@code demo} (the local platform) or {@code oidc} (the
 *                     identity provider, whose own session signing out ends as well)
 */
public record SessionView(String name, String role, String orgUnitCode, Instant expiresAt, boolean demo, String signIn) {

    static SessionView of(SessionClaims claims, boolean demo) {
        return new SessionView(claims.name(), claims.role(), claims.orgCode(), claims.expiresAt(), demo,
                demo ? "demo" : "oidc");
    }
}
