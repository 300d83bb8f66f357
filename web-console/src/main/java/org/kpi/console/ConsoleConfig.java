package org.kpi.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The console's settings. */
@ConfigMapping(prefix = "kpi.console")
public interface ConsoleConfig {

    /** Where each service of the routing table listens, by its name in the table. */
    Map<String, URI> services();

    /** How long the console waits for a service to accept a connection before answering 502. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** The longest a forwarded request may go without a byte from the service. */
    @WithDefault("60s")
    Duration idleTimeout();

    /** The sign-in session. */
    Session session();

    /** The demo sign-in of the local platform ({@code ./kpi up}); off everywhere else. */
    Demo demo();

    interface Session {

        /**
         * The secret the session cookie is encrypted with (at least 32 characters); every replica
         * must share it. Without one a random secret is made at start-up, and sessions end with the
         * process.
         */
        Optional<String> secret();

        /** Whether the cookie is sent over HTTPS only; only the local platform turns this off. */
        @WithDefault("true")
        boolean secure();

        /**
         * How long before its access token expires a session signed in through the OIDC provider is
         * renewed with the refresh token.
         */
        @WithDefault("60s")
        Duration renewBefore();
    }

    interface Demo {

        /** Whether the demo sign-in page lists identities and signs them in. */
        @WithDefault("false")
        boolean enabled();

        /** How long a demo session lasts. */
        @WithDefault("8h")
        Duration sessionLength();

        /** The issuer the services trust for locally minted tokens. */
        @WithDefault("https://kpi.local/auth")
        String issuer();

        /** The audience the services expect. */
        @WithDefault("kpi-platform")
        String audience();
    }
}
