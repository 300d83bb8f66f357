package org.kpi.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response.
 *
 * @param type   a URI naming the kind of problem
 * @param title  short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail   what went wrong in this request
 * @param instance the path of the request that failed
 * @param errors per-field errors ({@link FieldError}) for validation problems, or per-cell
 *               errors ({@link CellError}) for a rejected spreadsheet
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:kpi:problem:";

    public Problem(String type, String title, int status, String detail, List<?> errors) {
        this(type, title, status, detail, null, errors);
    }

    /** This problem as answered to a request for {@code path}. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, List<?> errors) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, List.copyOf(errors));
    }
}
