package org.kpi.console.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.Set;

/**
 * The check that a write carrying the console's session comes from the console's own pages (the
 * cookie alone would let another site's form act for the user): the same for requests the
 * console forwards and for those the ingress asks it about.
 */
final class RequestOrigin {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private RequestOrigin() {
    }

    /**
     * Whether the request's {@code Origin} names {@code host} (host and port; the scheme is not
     * compared, as TLS may end before the console), or, without an {@code Origin}, the browser
     * says the request is same-origin.
     */
    static boolean fromHost(HttpServerRequest request, String host) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
        }
        try {
            return host != null && host.equals(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Answers 403 with the problem the console gives for a write from another site. */
    static void refuse(RoutingContext context) {
        context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", "请求来源不符").put("status", 403)
                        .put("detail", "带登录会话的修改请求只能来自控制台本身的页面").encode());
    }
}
