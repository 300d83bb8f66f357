package org.kpi.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kpi.common.PlatformConfig;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemKind;

import java.util.Map;
import java.util.Set;

/**
 * The refusals that happen in the HTTP layer, before any resource runs, answered as problems like
 * every other error: an unknown method (405), a declared body above the HTTP limit (413), a
 * request line too long (414) and headers too large (431). This route runs ahead of Quarkus's
 * own body-limit route, which would end the response with an empty body. Vert.x's decoder keeps
 * hard limits above these (see the platform defaults) so that such requests reach this route.
 */
@Singleton
public class HttpLayerProblems {

    /** The methods some resource may answer; anything else is refused before routing. */
    static final Set<HttpMethod> KNOWN_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Inject
    PlatformConfig config;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!KNOWN_METHODS.contains(request.method())) {
            refuse(context, ProblemKind.METHOD_NOT_ALLOWED, "不支持请求方法 " + abbreviate(request.method().name()),
                    false);
            return;
        }
        if (request.uri().length() > config.maxUriLength()) {
            refuse(context, ProblemKind.URI_TOO_LONG, "请求地址长 " + request.uri().length() + " 个字符，超过上限 "
                    + config.maxUriLength(), true);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            refuse(context, ProblemKind.HEADERS_TOO_LARGE, "请求头共 " + headerBytes + " 字节，超过上限 "
                    + config.maxHeaderBytes() + " 字节", true);
            return;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            try {
                long bytes = Long.parseLong(length.trim());
                if (bytes > maxBodySize.asLongValue()) {
                    refuse(context, ProblemKind.PAYLOAD_TOO_LARGE, "请求体 " + bytes + " 字节，超过上限 "
                            + maxBodySize.asLongValue() + " 字节", true);
                    return;
                }
            } catch (NumberFormatException e) {
                // a malformed length is the HTTP decoder's to refuse
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemKind kind, String detail, boolean close) {
        HttpServerResponse response = context.response();
        String body;
        try {
            body = mapper.writeValueAsString(Problem.of(kind, detail));
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"urn:kpi:problem:" + kind.slug() + "\",\"status\":" + kind.status() + "}";
        }
        response.setStatusCode(kind.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            // the unread body (or the rest of an oversized request) is not worth reading
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
            response.endHandler(ignored -> context.request().connection().close());
        }
        response.end(body);
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
