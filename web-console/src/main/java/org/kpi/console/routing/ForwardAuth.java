package org.kpi.console.routing;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kpi.console.session.SessionCookie;
import org.kpi.console.session.Sessions;

import java.net.URI;
import java.util.Optional;

/**
 * The console's session for the Kubernetes ingress, which sends the API paths straight to the
 * services and asks here first (ingress-nginx external authentication, {@code auth-url}): a
 * request with the console's session cookie goes on with the session's access token as its bearer
 * token — renewed here when it is about to expire, the renewed cookie going back to the browser —
 * and a request without one with its own {@code Authorization}. Unsafe methods with a session must
 * come from the console's own pages, as through the console itself. Served on the management
 * interface only, which no public route reaches: no page script can read a token from it.
 */
@ApplicationScoped
public class ForwardAuth {

    /** The path on the management interface the ingress calls. */
    public static final String PATH = "/auth/forward";

    @Inject
    Sessions sessions;

    void register(@Observes ManagementInterface management) {
        management.router().route(PATH).handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Cookie session = request.getCookie(SessionCookie.NAME);
        if (session == null) {
            respond(context, Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION)), Optional.empty());
            return;
        }
        String method = Optional.ofNullable(request.getHeader("X-Original-Method")).orElse("GET");
        if (!RequestOrigin.SAFE_METHODS.contains(method) && !RequestOrigin.fromHost(request, originalHost(request))) {
            RequestOrigin.refuse(context);
            return;
        }
        Optional<Sessions.Current> settled = sessions.withoutRenewal(session.getValue());
        if (settled.isPresent()) {
            respond(context, settled.get());
            return;
        }
        sessions.current(session.getValue()).subscribe().with(current -> respond(context, current), context::fail);
    }

    private static void respond(RoutingContext context, Sessions.Current current) {
        respond(context, current.accessToken().map(token -> "Bearer " + token), current.setCookie());
    }

    private static void respond(RoutingContext context, Optional<String> authorization, Optional<String> setCookie) {
        authorization.ifPresent(value -> context.response().putHeader(HttpHeaders.AUTHORIZATION, value));
        setCookie.ifPresent(value -> context.response().putHeader(HttpHeaders.SET_COOKIE, value));
        context.response().setStatusCode(200).end();
    }

    /** The host and port the browser sent the original request to, as the ingress reports it. */
    private static String originalHost(HttpServerRequest request) {
        try {
            String original = request.getHeader("X-Original-URL");
            return original == null ? null : URI.create(original).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
