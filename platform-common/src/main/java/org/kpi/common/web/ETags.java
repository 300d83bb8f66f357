package org.kpi.common.web;

import jakarta.ws.rs.core.EntityTag;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;

/**
 * Optimistic concurrency over HTTP: a resource's {@code version} travels as a strong
 * {@code ETag} ({@code "3"}) and comes back in {@code If-Match}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version a write is conditioned on: from {@code If-Match}, else from the body's
     * {@code version}; neither is a 428 problem.
     */
    public static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() >= 2) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match", "应为资源的 ETag，例如 \"3\"");
            }
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw new ProblemException(ProblemKind.PRECONDITION_REQUIRED,
                "修改需要 If-Match 头（资源的 ETag）或请求体中的 version");
    }

    /**
     * The one rule for every state change (task lifecycle actions, milestone completion, actual
     * approval and return, supervision-order responses): the request names the version it acts
     * on in {@code If-Match}. Missing is a 428 problem, not the current version a 409.
     */
    public static void requireIfMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemKind.PRECONDITION_REQUIRED,
                    "此操作需要 If-Match 头，值为对象当前的 ETag（例如 \"3\"），请先读取对象再操作");
        }
        requireVersion(expectedVersion(ifMatch, null), current);
    }

    /**
     * For writes whose version condition is optional (a book replaced as a whole, a retry): when
     * the request names a version, in {@code If-Match} or the body, it must be {@code current}.
     */
    public static void requireVersionIfGiven(String ifMatch, Long bodyVersion, long current) {
        if ((ifMatch != null && !ifMatch.isBlank()) || bodyVersion != null) {
            requireVersion(expectedVersion(ifMatch, bodyVersion), current);
        }
    }

    /** A 409 problem unless {@code actual} is the version the client read. */
    public static void requireVersion(long expected, long actual) {
        if (expected != actual) {
            throw new ProblemException(ProblemKind.STALE_VERSION,
                    "数据已被他人修改（当前版本 " + actual + "，请求基于版本 " + expected + "），请刷新后重试");
        }
    }
}
