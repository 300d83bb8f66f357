package org.kpi.console.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the session cookie carries, sealed: the access token the console forwards to the services
 * and, when the user signed in through the OIDC provider, the refresh token it renews it with.
 *
 * @param accessToken  the bearer token for the services
 * @param refreshToken the provider's refresh token; {@code null} for a demo session, which simply ends
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionTokens(@JsonProperty("a") String accessToken, @JsonProperty("r") String refreshToken) {
}
