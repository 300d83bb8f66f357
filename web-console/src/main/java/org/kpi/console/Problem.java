package org.kpi.console;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An RFC 9457 problem the console answers with: a status, a title and a detail in Chinese. */
public class Problem extends RuntimeException {

    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** A response builder for this problem, for a response that needs more headers than an exception carries. */
    public static RestResponse.ResponseBuilder<Object> builder(int status, String title, String detail) {
        return RestResponse.ResponseBuilder.create(status).type("application/problem+json")
                .entity(body(status, title, detail));
    }

    private static Map<String, Object> body(int status, String title, String detail) {
        return Map.of("type", "about:blank", "title", title, "status", status, "detail", detail);
    }

    /** Writes every {@link Problem} as {@code application/problem+json}. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response map(Problem problem) {
            return Response.status(problem.status).type("application/problem+json")
                    .entity(body(problem.status, problem.title, problem.getMessage()))
                    .build();
        }

        @ServerExceptionMapper
        public Response map(ConstraintViolationException invalid) {
            // as the services write them: one {field, message} per field, in field order
            Map<String, String> byField = new TreeMap<>();
            invalid.getConstraintViolations().forEach(violation -> {
                String path = violation.getPropertyPath().toString();
                byField.put(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
            });
            List<Map<String, String>> errors = byField.entrySet().stream()
                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
            return Response.status(400).type("application/problem+json")
                    .entity(Map.of("type", "about:blank", "title", "请求不合法", "status", 400,
                            "detail", String.join("；", byField.values()), "errors", errors))
                    .build();
        }
    }
}
