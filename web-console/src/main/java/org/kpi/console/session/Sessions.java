package org.kpi.console.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClientException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.console.ConsoleConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens, renews and issues the session cookie: its attributes and its lifetime, in one place. A
 * demo session ends with its token; a session signed in through the OIDC provider lives as long
 * as the provider renews its access token, which happens here shortly before the token expires.
 */
@ApplicationScoped
public class Sessions {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SessionCookie cookie;

    @Inject
    TokenRenewal renewal;

    @Inject
    ConsoleConfig config;

    @Inject
    Clock clock;

    /**
     * The session of a request's cookie, renewed first when its access token is about to expire.
     * Empty when there is no session or it cannot be renewed; then {@link Current#setCookie()}
     * clears a cookie that no longer serves.
     */
    public Uni<Current> current(String cookieValue) {
        Optional<Current> settled = withoutRenewal(cookieValue);
        if (settled.isPresent()) {
            return Uni.createFrom().item(settled.get());
        }
        SessionTokens session = open(cookieValue).orElseThrow();
        return renewal.renew(session.refreshToken())
                .map(renewed -> SessionClaims.of(renewed.accessToken(), clock.instant())
                        .map(renewedClaims -> new Current(Optional.of(renewedClaims), Optional.of(renewed.accessToken()),
                                Optional.of(start(renewed))))
                        .orElseGet(() -> new Current(Optional.empty(), Optional.empty(), Optional.of(end()))))
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("the session could not be renewed: %s", failure.getMessage());
                    Optional<SessionClaims> still = SessionClaims.of(session.accessToken(), clock.instant());
                    if (refused(failure) || still.isEmpty()) {
                        // the provider ended the session (signed out, timed out, revoked), or the token is spent
                        return new Current(Optional.empty(), Optional.empty(), Optional.of(end()));
                    }
                    // the provider could not be reached: the token serves while valid, the next request tries again
                    return new Current(still, Optional.of(session.accessToken()), Optional.empty());
                });
    }

    /**
     * The session of a request's cookie as it stands, when it needs no renewal (the common case,
     * answered without waiting); empty when its access token is about to expire and a refresh
     * token can renew it — then {@link #current(String)}.
     */
    public Optional<Current> withoutRenewal(String cookieValue) {
        Optional<SessionTokens> tokens = open(cookieValue);
        if (tokens.isEmpty()) {
            return Optional.of(new Current(Optional.empty(), Optional.empty(),
                    cookieValue == null || cookieValue.isEmpty() ? Optional.empty() : Optional.of(end())));
        }
        SessionTokens session = tokens.get();
        if (session.refreshToken() != null
                && SessionClaims.of(session.accessToken(), clock.instant().plus(config.session().renewBefore())).isEmpty()) {
            return Optional.empty();
        }
        // valid for a while yet, or a demo session: as good as it gets
        Optional<SessionClaims> valid = SessionClaims.of(session.accessToken(), clock.instant());
        return Optional.of(new Current(valid, valid.map(c -> session.accessToken()),
                valid.isPresent() ? Optional.empty() : Optional.of(end())));
    }

    /**
     * Whether the provider answered the renewal with a refusal (OAuth error {@code invalid_grant},
     * {@code invalid_client}, {@code unauthorized_client}, or a 400/401 status) rather than failing
     * to answer. The Quarkus OIDC client's exception carries the provider's error body or names the
     * status in its message.
     */
    static boolean refused(Throwable failure) {
        String message = failure instanceof OidcClientException ? failure.getMessage() : null;
        return message != null && (message.contains("invalid_grant") || message.contains("invalid_client")
                || message.contains("unauthorized_client") || message.contains("status: 400")
                || message.contains("status: 401"));
    }

    /** The {@code Set-Cookie} value that starts a session with {@code tokens}. */
    public String start(SessionTokens tokens) {
        SessionClaims claims = SessionClaims.of(tokens.accessToken(), clock.instant())
                .orElseThrow(() -> new IllegalArgumentException("token already expired"));
        String value = cookie.seal(json(tokens));
        if (tokens.refreshToken() != null) {
            // lives while the provider renews it: a browser-session cookie
            return header(value, null);
        }
        return header(value, Math.max(1, Duration.between(clock.instant(), claims.expiresAt()).toSeconds()));
    }

    /** The {@code Set-Cookie} value that ends the session. */
    public String end() {
        return header("", 0L);
    }

    private Optional<SessionTokens> open(String cookieValue) {
        return cookie.open(cookieValue).flatMap(content -> {
            if (!content.startsWith("{")) {
                // a cookie of the console before sessions could be renewed: the access token alone
                return Optional.of(new SessionTokens(content, null));
            }
            try {
                SessionTokens tokens = JSON.readValue(content, SessionTokens.class);
                return Optional.ofNullable(tokens.accessToken()).map(access -> tokens);
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    private static String json(SessionTokens tokens) {
        try {
            return JSON.writeValueAsString(tokens);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String header(String value, Long maxAge) {
        return SessionCookie.NAME + "=" + value + "; Path=/" + (maxAge == null ? "" : "; Max-Age=" + maxAge)
                + "; HttpOnly; SameSite=Strict" + (config.session().secure() ? "; Secure" : "");
    }

    /**
     * A request's session as it stands.
     *
     * @param claims      who is signed in, when someone is
     * @param accessToken the bearer token to forward
     * @param setCookie   a {@code Set-Cookie} value for the response: the renewed session, or its end
     */
    public record Current(Optional<SessionClaims> claims, Optional<String> accessToken, Optional<String> setCookie) {
    }
}
