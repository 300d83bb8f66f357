package org.kpi.common.problem;

/** The kinds of problem the platform reports, each with its HTTP status and a Chinese title. */
public enum ProblemKind {
    VALIDATION(400, "validation", "请求参数不合法"),
    MALFORMED_BODY(400, "malformed-body", "请求体格式错误"),
    UNAUTHENTICATED(401, "unauthenticated", "未认证或令牌无效"),
    FORBIDDEN(403, "forbidden", "无权执行此操作"),
    NOT_FOUND(404, "not-found", "资源不存在"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法"),
    NOT_ACCEPTABLE(406, "not-acceptable", "无法提供所要求的响应格式"),
    CONFLICT(409, "conflict", "与当前状态冲突"),
    STALE_VERSION(409, "stale-version", "数据已被他人修改"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "当前状态不允许此操作"),
    PRECONDITION_FAILED(412, "precondition-failed", "前置条件不满足"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "请求体过大"),
    URI_TOO_LONG(414, "uri-too-long", "请求地址过长"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持的内容类型"),
    UNPROCESSABLE(422, "unprocessable", "请求内容无法处理"),
    PRECONDITION_REQUIRED(428, "precondition-required", "缺少版本条件"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "请求头过大"),
    UNAVAILABLE(503, "unavailable", "服务暂不可用"),
    INTERNAL(500, "internal", "服务器内部错误");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The kind used for a bare HTTP status that no domain code chose a kind for. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != STALE_VERSION && kind != ILLEGAL_TRANSITION
                    && kind != MALFORMED_BODY) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
