package org.kpi.common.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kpi.common.PlatformConfig;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.problem.ProblemMappers;

import java.util.Optional;

/**
 * Refuses request bodies over the JSON limit (default 1 MiB) with a 413 problem before they are
 * read, when they declare their length; {@link StreamedBodyLimit} holds the same limit for chunked
 * bodies as they are read. Multipart uploads (attachments, spreadsheets) are bounded by the larger
 * HTTP limit.
 */
public class BodySizeLimit {

    @Inject
    PlatformConfig config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long limit = isUpload(request.getMediaType()) ? config.maxUploadBytes() : config.maxJsonBytes();
        if (bytes > limit) {
            return Optional.of(ProblemMappers.respond(Problem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                    "请求体 " + bytes + " 字节，超过上限 " + limit + " 字节")));
        }
        return Optional.empty();
    }

    /** Multipart and binary bodies are uploads, bounded by the HTTP limit; everything else by the JSON limit. */
    static boolean isUpload(MediaType type) {
        return type != null && (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE));
    }
}
