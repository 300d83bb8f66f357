package org.kpi.common.events;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kpi.common.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer token this service sends when it calls another service (e.g. to read a feed).
 * Either a fixed token from configuration (issued by the identity provider, say a Keycloak
 * client-credentials token) or one minted here with the key at
 * {@code smallrye.jwt.sign.key.location}, renewed before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    @ConfigProperty(name = "kpi.service-token.value")
    Optional<String> fixedToken;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    @Inject
    Clock clock;

    private String minted;
    private Instant mintedExpiry = Instant.EPOCH;

    public synchronized String bearer() {
        if (fixedToken.isPresent() && !fixedToken.get().isBlank()) {
            return fixedToken.get();
        }
        Instant now = clock.instant();
        if (minted == null || now.isAfter(mintedExpiry.minus(RENEW_BEFORE))) {
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
        return minted;
    }
}
