package org.kpi.common.problem;

import java.util.List;

/** Thrown by domain and service code to answer the request with a problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemKind kind, String detail) {
        this(Problem.of(kind, detail));
    }

    public ProblemException(ProblemKind kind, String detail, List<?> errors) {
        this(Problem.of(kind, detail, errors));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemKind.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    /** A single invalid field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemKind.VALIDATION, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** A spreadsheet rejected as a whole: every bad cell, by row and column. */
    public static ProblemException invalidCells(List<CellError> errors) {
        return new ProblemException(ProblemKind.UNPROCESSABLE,
                "表格有 " + errors.size() + " 处错误，整个文件未导入", errors);
    }

    /** Several invalid fields at once. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "共有 " + errors.size() + " 个字段不合法";
        return new ProblemException(ProblemKind.VALIDATION, detail, errors);
    }
}
