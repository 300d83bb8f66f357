package org.kpi.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kpi.common.web.StreamedBodyLimit;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the HTTP layer into an RFC 9457 problem. No stack trace,
 * SQL or class name is ever written to a response; unexpected failures are logged with an id
 * that the 500 problem repeats, so an operator can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** PostgreSQL's (and the SQL standard's) SQLState of a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_CAUSE_DEPTH = 32;
    /** Where Quarkus REST parses multipart bodies; a failure thrown there is a malformed body. */
    private static final String MULTIPART_PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final int MULTIPART_FRAMES = 8;

    public static Response respond(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).problem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return respond(Problem.of(ProblemKind.MALFORMED_BODY,
                "请求体不是合法的 JSON（第 " + e.getLocation().getLineNr() + " 行第 "
                        + e.getLocation().getColumnNr() + " 列附近）"));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = jsonPath(e);
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            String allowed = Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            message = "取值 " + e.getValue() + " 无效，可选值：" + allowed;
        } else if (e.getTargetType() == String.class) {
            message = e.getOriginalMessage();
        } else if (e.getTargetType() == java.time.LocalDate.class) {
            message = "取值 " + e.getValue() + " 超出范围，日期应在 1900 到 2999 年之间";
        } else {
            message = "取值 " + e.getValue() + " 不是合法的" + typeName(e.getTargetType());
        }
        return respond(ProblemException.invalid(field, message).problem());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                    ? "请求体只能包含一个 JSON 文档，其后不能再有内容" : "请求体结构与接口要求不符";
            return respond(Problem.of(ProblemKind.MALFORMED_BODY, detail));
        }
        return respond(ProblemException.invalid(field,
                "类型不符，应为" + typeName(e.getTargetType())).problem());
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return respond(problem.problem());
        }
        String field = jsonPath(e);
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : "取值无效";
        return respond(ProblemException.invalid(field.isEmpty() ? "body" : field, message).problem());
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e);
        return respond(ProblemException.invalid(field.isEmpty() ? "body" : field, "取值无效").problem());
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        return respond(Problem.of(ProblemKind.MALFORMED_BODY, "请求体不是合法的 JSON"));
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(StreamedBodyLimit.BodyTooLargeException e) {
        return respond(Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, "请求体超过上限 " + e.limit() + " 字节"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of(ProblemKind.UNAUTHENTICATED, "令牌缺失、无效或已过期"));
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return respond(Problem.of(ProblemKind.UNAUTHENTICATED, "令牌缺失、无效或已过期"));
    }

    @ServerExceptionMapper
    public Response authenticationRedirect(AuthenticationRedirectException e) {
        return respond(Problem.of(ProblemKind.UNAUTHENTICATED, "令牌缺失、无效或已过期"));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of(ProblemKind.UNAUTHENTICATED, "此接口需要有效的访问令牌"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemKind.FORBIDDEN, "当前角色无权执行此操作"));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return respond(Problem.of(ProblemKind.STALE_VERSION, "数据已被他人修改，请刷新后重试"));
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e) {
        return respond(Problem.of(ProblemKind.STALE_VERSION, "数据已被他人修改，请刷新后重试"));
    }

    /**
     * A database constraint caught what a service check could not. Only a unique violation
     * (SQLState 23505) is expected: two requests creating the same thing at the same moment, and
     * the loser gets the 409 the service's own check would have given it. Any other violation
     * (foreign key 23503, check 23514, not-null 23502, …) means a check is missing: a bug, answered
     * as a 500 with an incident id and logged at ERROR.
     */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        return unexpected(e);
    }

    /**
     * A value the database cannot store (too long, out of range) that no validation caught: the
     * client sent bad input, so it is a 400, but the missing validation is a bug, so it is logged
     * at ERROR with an incident id.
     */
    @ServerExceptionMapper
    public Response databaseData(org.hibernate.exception.DataException e) {
        String incident = incident();
        LOG.errorf(e, "Database refused a value that no validation caught (SQLState %s), incident %s",
                sqlState(e), incident);
        return respond(Problem.of(ProblemKind.VALIDATION, "提交的数据超出允许的长度或范围（事件编号 " + incident + "）"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // a typed query parameter that failed to convert (QueryParamConverters) says why itself
        ProblemException refused = causeOf(e, ProblemException.class);
        if (refused != null) {
            return respond(refused.problem());
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        StreamedBodyLimit.BodyTooLargeException tooLarge = causeOf(e, StreamedBodyLimit.BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        Response fromCause = fromJacksonCause(e.getCause());
        if (status == 400 && fromCause != null) {
            return fromCause;
        }
        if (status >= 500) {
            return unexpected(e);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = switch (status) {
            case 404 -> "请求的地址不存在";
            case 405 -> "该地址不支持此请求方法";
            case 406 -> "无法按 Accept 头要求的格式响应";
            case 415 -> "不支持请求的 Content-Type";
            case 413 -> "请求体过大";
            case 400 -> "请求无法解析，请检查请求体与参数";
            default -> kind.title();
        };
        return respond(new Problem("urn:kpi:problem:" + kind.slug(), kind.title(), status, detail, List.of()));
    }

    private Response fromJacksonCause(Throwable cause) {
        if (cause instanceof InvalidFormatException c) {
            return invalidFormat(c);
        }
        if (cause instanceof ValueInstantiationException c) {
            return valueInstantiation(c);
        }
        if (cause instanceof MismatchedInputException c) {
            return mismatchedInput(c);
        }
        if (cause instanceof JsonParseException c) {
            return malformedJson(c);
        }
        if (cause instanceof JsonMappingException c) {
            return jsonMapping(c);
        }
        if (cause instanceof JsonProcessingException c) {
            return jsonProcessing(c);
        }
        return null;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        StreamedBodyLimit.BodyTooLargeException tooLarge = causeOf(e, StreamedBodyLimit.BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        if (fromMultipartParser(e)) {
            LOG.debugf("Malformed multipart body: %s", e.getMessage());
            return respond(Problem.of(ProblemKind.MALFORMED_BODY,
                    "multipart/form-data 请求体格式错误：为空、不完整或与 Content-Type 中的 boundary 不符"));
        }
        if (UNIQUE_VIOLATION.equals(sqlState(e))) {
            LOG.debugf("A unique constraint refused a concurrent write: %s", e.getMessage());
            return respond(Problem.of(ProblemKind.CONFLICT, "与现有数据冲突（可能有人同时提交了相同的数据），请刷新后重试"));
        }
        String incident = incident();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of(ProblemKind.INTERNAL, "服务器处理请求时出错，事件编号 " + incident));
    }

    private static String incident() {
        return Long.toString(System.nanoTime(), 36);
    }

    /**
     * Whether {@code e} is the multipart parser's refusal of a body (unterminated, empty, or
     * not split by the declared boundary), raised before any application code ran.
     */
    static boolean fromMultipartParser(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, MULTIPART_FRAMES); i++) {
            if (frames[i].getClassName().startsWith(MULTIPART_PARSER_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code e}'s causes (itself included) of the given type, or {@code null}. */
    public static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }

    /**
     * The SQLState of the first database error in {@code e}'s causes (Hibernate wraps it, a
     * transaction commit wraps that again), or {@code null}.
     */
    static String sqlState(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return null;
    }

    /**
     * The request field a violation is about: a body field as its JSON path
     * ({@code milestones[0].dueDate}), a query or path parameter by its name ({@code size}).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable() && node.getIndex() != null) {
                    property.append('[').append(node.getIndex()).append(']');
                }
                if (!property.isEmpty()) {
                    property.append('.');
                }
                property.append(node.getName());
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "值";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "布尔值";
        }
        if (type == String.class) {
            return "字符串";
        }
        if (type.getName().startsWith("java.time.LocalDate")) {
            return "日期（yyyy-MM-dd）";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "数组";
        }
        return "对象";
    }
}
