package org.kpi.common.web;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The success responses resources build: a creation with its address, a versioned object with its ETag, a download. */
public final class Responses {

    /** Description of an {@code If-Match} the server requires (state changes). */
    public static final String IF_MATCH = "对象当前的 ETag（例如 \"3\"），必填；缺少时 428，已过期时 409 · "
            + "The object's current ETag, required: missing is a 428, stale a 409";

    /** Description of an {@code If-Match} that the body's {@code version} may replace (PUT, PATCH). */
    public static final String IF_MATCH_OR_VERSION = "对象当前的 ETag（例如 \"3\"）；也可在请求体中给出 version，"
            + "两者都没有时 428，已过期时 409 · The object's current ETag, or version in the body: neither is a "
            + "428, stale a 409";

    private Responses() {
    }

    /** 201 with {@code Location} and the new object's {@code ETag}. */
    public static <T> RestResponse<T> created(String location, T body, long version) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .tag(ETags.entityTag(version))
                .entity(body)
                .build();
    }

    /** 201 with {@code Location}, for what is never changed once made (it has no version to tag). */
    public static <T> RestResponse<T> created(String location, T body) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(body).build();
    }

    /**
     * The {@code Content-Disposition} of a download: {@code asciiName} for clients that read only the
     * plain parameter, {@code name} (Chinese, say) in UTF-8 for those that read RFC 6266's.
     */
    public static String attachment(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** 200 with the object's {@code ETag}. */
    public static <T> RestResponse<T> tagged(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.entityTag(version)).build();
    }
}
