package org.kpi.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.console.ConsoleConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Opens and issues the session cookie: its attributes and its lifetime, in one place. */
@ApplicationScoped
public class Sessions {

    @Inject
    SessionCookie cookie;

    @Inject
    ConsoleConfig config;

    @Inject
    Clock clock;

    /** The valid token a request's session cookie carries, if it carries one. */
    public Optional<String> token(String cookieValue) {
        return cookie.open(cookieValue).filter(token -> SessionClaims.of(token, clock.instant()).isPresent());
    }

    /** The claims of a request's session, if it has a valid one. */
    public Optional<SessionClaims> claims(String cookieValue) {
        return cookie.open(cookieValue).flatMap(token -> SessionClaims.of(token, clock.instant()));
    }

    /** The {@code Set-Cookie} value that starts a session with {@code token}, ending when the token does. */
    public String start(String token) {
        SessionClaims claims = SessionClaims.of(token, clock.instant())
                .orElseThrow(() -> new IllegalArgumentException("token already expired"));
        long seconds = Math.max(1, Duration.between(clock.instant(), claims.expiresAt()).toSeconds());
        return header(cookie.seal(token), seconds);
    }

    /** The {@code Set-Cookie} value that ends the session. */
    public String end() {
        return header("", 0);
    }

    private String header(String value, long maxAge) {
        return SessionCookie.NAME + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (config.session().secure() ? "; Secure" : "");
    }
}
