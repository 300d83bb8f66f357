package org.kpi.console.session;

import io.quarkus.oidc.client.OidcClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renews a session's access token at the OIDC provider with its refresh token (the provider's
 * token endpoint, through the Quarkus OIDC client), so a user working in the console is not sent
 * back to sign-in every few minutes. Only where the console signs in through the provider.
 */
@ApplicationScoped
public class TokenRenewal {

    @Inject
    OidcClients clients;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean providerSignIn;

    /** Whether users sign in through the OIDC provider (rather than the local demo). */
    public boolean enabled() {
        return providerSignIn;
    }

    /** New tokens for {@code refreshToken}; a failure when the provider refuses it (the user's session there ended). */
    public Uni<SessionTokens> renew(String refreshToken) {
        if (!providerSignIn) {
            return Uni.createFrom().failure(new IllegalStateException("sign-in through the OIDC provider is off"));
        }
        return clients.getClient().refreshTokens(refreshToken).map(tokens -> new SessionTokens(tokens.getAccessToken(),
                tokens.getRefreshToken() != null ? tokens.getRefreshToken() : refreshToken));
    }
}
