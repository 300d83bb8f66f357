package org.kpi.console.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kpi.console.ConsoleConfig;
import org.kpi.console.session.SessionCookie;
import org.kpi.console.session.Sessions;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The single entry point: forwards {@code /api/**} to the service the {@link RoutingTable} names,
 * streaming bodies both ways. A request with a console session goes on with the session's token
 * as its bearer token (and without the console's cookies), the session renewed on the way when
 * its token is about to expire; a request without one goes on as it
 * came, so a mobile client or curl with its own token uses the same origin. Unsafe methods
 * with a session must come from the console's own pages (the {@code Origin} check), and a path
 * that no route names, the service-internal feeds among them, is a 404 here.
 */
@ApplicationScoped
public class ApiProxy {

    private static final String ROUTE = "kpi.route";
    private static final String SET_COOKIE = "kpi.set-cookie";

    @Inject
    ConsoleConfig config;

    @Inject
    Sessions sessions;

    private final RoutingTable table = RoutingTable.load();
    private final Map<String, SocketAddress> origins = new HashMap<>();

    private void resolveOrigins() {
        for (String service : table.services()) {
            URI url = config.services().get(service);
            if (url == null) {
                throw new IllegalStateException("kpi.console.services." + service + " is not set");
            }
            int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            origins.put(service, SocketAddress.inetSocketAddress(port, url.getHost()));
        }
    }

    void register(@Observes Router router, Vertx vertx) {
        resolveOrigins();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setIdleTimeout((int) config.idleTimeout().toSeconds())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32));
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .originSelector(request -> Future.succeededFuture(
                        origins.get(table.match(request.path()).orElseThrow().service())))
                .addInterceptor(new Forwarding());
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(context -> {
            HttpServerRequest request = context.request();
            Optional<RoutingTable.Route> route = table.match(request.path());
            if (route.isEmpty()) {
                problem(context, 404, "不存在的接口", "入口未开放此地址：" + request.path());
                return;
            }
            Cookie session = request.getCookie(SessionCookie.NAME);
            if (session != null && !RequestOrigin.SAFE_METHODS.contains(request.method().name())
                    && !RequestOrigin.fromHost(request, request.getHeader(HttpHeaders.HOST))) {
                RequestOrigin.refuse(context);
                return;
            }
            proxy.handle(request);
        });
    }

    private static void problem(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }

    /** Rewrites the path where the route says so and swaps the session cookie for its token. */
    private final class Forwarding implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            RoutingTable.Route route = table.match(incoming.path()).orElseThrow();
            context.set(ROUTE, route);
            String query = incoming.query();
            request.setURI(route.servicePath(incoming.path()) + (query == null ? "" : "?" + query));
            Cookie session = incoming.getCookie(SessionCookie.NAME);
            request.headers().remove(HttpHeaders.COOKIE);
            if (session == null) {
                return context.sendRequest();
            }
            request.headers().remove(HttpHeaders.AUTHORIZATION);
            Optional<Sessions.Current> settled = sessions.withoutRenewal(session.getValue());
            if (settled.isPresent()) {
                return forward(context, request, settled.get());
            }
            // the session's token is about to expire: the request waits for its renewal
            return Future.fromCompletionStage(sessions.current(session.getValue()).subscribeAsCompletionStage(),
                    Vertx.currentContext()).compose(current -> forward(context, request, current));
        }

        private Future<ProxyResponse> forward(ProxyContext context, ProxyRequest request, Sessions.Current current) {
            current.accessToken().ifPresent(token -> request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token));
            current.setCookie().ifPresent(value -> context.set(SET_COOKIE, value));
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            String setCookie = context.get(SET_COOKIE, String.class);
            if (setCookie != null) {
                response.headers().add(HttpHeaders.SET_COOKIE, setCookie);
            }
            if ((response.getStatusCode() == 502 || response.getStatusCode() == 504)
                    && response.headers().get(HttpHeaders.CONTENT_TYPE) == null) {
                RoutingTable.Route route = context.get(ROUTE, RoutingTable.Route.class);
                String body = new JsonObject().put("type", "about:blank").put("title", "服务暂不可用")
                        .put("status", response.getStatusCode())
                        .put("detail", (route == null ? "后端服务" : route.service()) + " 暂时无法访问，请稍后重试")
                        .encode();
                response.headers().set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
                response.setBody(Body.body(Buffer.buffer(body)));
            }
            return context.sendResponse();
        }
    }
}
