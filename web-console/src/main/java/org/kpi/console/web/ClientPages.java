package org.kpi.console.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How the built client is served (Quarkus serves the files from {@code META-INF/resources}):
 * files under {@code /assets/} carry a content hash in their names and are cached for a year;
 * {@code index.html} is revalidated on every visit so a new release reaches users at once; and a
 * page address of the client ({@code /tasks/42}, {@code /cockpit}) that a browser opens directly
 * gets {@code index.html}, whose router then draws the page.
 */
@ApplicationScoped
public class ClientPages {

    static final String ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(ClientPages::cacheHeaders);
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1000).handler(ClientPages::pageAddress);
    }

    private static void cacheHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        if (!isServicePath(path)) {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 200 || context.response().getStatusCode() == 304) {
                    context.response().headers().set(HttpHeaders.CACHE_CONTROL,
                            path.startsWith(ASSETS) ? IMMUTABLE : REVALIDATE);
                }
            });
        }
        context.next();
    }

    private static void pageAddress(RoutingContext context) {
        String path = context.normalizedPath();
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (context.request().method() == HttpMethod.GET && !isServicePath(path) && !path.startsWith(ASSETS)
                && accept != null && accept.contains("text/html") && !path.equals("/index.html")) {
            context.reroute("/index.html");
            return;
        }
        context.next();
    }

    private static boolean isServicePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/auth/") || path.startsWith("/q/");
    }
}
