package org.kpi.common.events;

import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kpi.common.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The bearer token this service sends when it calls another service (e.g. to read a feed),
 * minted here with the key at {@code smallrye.jwt.sign.key.location} — or, where an identity
 * provider issues it ({@code quarkus.oidc-client.client-enabled}), obtained by the client-credentials
 * grant — and renewed a minute before it expires, so a feed never stops on an expired token.
 * There is deliberately no fixed token from configuration: it could not be renewed.
 */
@ApplicationScoped
public class ServiceTokens {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    @ConfigProperty(name = "quarkus.oidc-client.client-enabled")
    boolean fromProvider;

    @Inject
    OidcClients providers;

    @Inject
    Clock clock;

    private String minted;
    private Instant mintedExpiry = Instant.EPOCH;

    /** A token valid for at least another minute. */
    public synchronized String bearer() {
        Instant now = clock.instant();
        if (minted == null || !now.isBefore(mintedExpiry.minus(RENEW_BEFORE))) {
            if (fromProvider) {
                obtain(now);
            } else {
                mint(now);
            }
        }
        return minted;
    }

    /** Drops the current token (a peer refused it); the next call mints a new one. */
    public synchronized void renew() {
        minted = null;
    }

    /** When the current token expires ({@link Instant#EPOCH} before the first). */
    public synchronized Instant expiry() {
        return mintedExpiry;
    }

    /** A token from the identity provider by the client-credentials grant; it says how long it lives. */
    private void obtain(Instant now) {
        Tokens tokens = providers.getClient().getTokens().await().atMost(PROVIDER_TIMEOUT);
        Long expiresIn = tokens.get("expires_in") == null ? null : Long.valueOf(tokens.get("expires_in"));
        minted = tokens.getAccessToken();
        mintedExpiry = now.plus(expiresIn == null ? LIFETIME : Duration.ofSeconds(expiresIn));
    }

    private void mint(Instant now) {
        mintedExpiry = now.plus(LIFETIME);
        minted = Jwt.issuer(issuer)
                .audience(audiences)
                .subject(serviceName)
                .claim("name", serviceName)
                .claim("org", "SYSTEM")
                .groups(Set.of(Roles.SERVICE))
                .issuedAt(now)
                .expiresAt(mintedExpiry)
                .sign();
    }
}
