package org.kpi.common.events;

import org.kpi.common.problem.ProblemMappers;

/**
 * Thrown by an {@link EventHandler} that received an event it cannot apply (a missing parent, a
 * missing or malformed field). The consumer parks such an event in the dead-letter table at once,
 * without retrying it, and moves on; an admin can replay it once the cause is fixed.
 */
public class UnusableEvent extends RuntimeException {

    public UnusableEvent(String message) {
        super(message);
    }

    /** The text of a required field, or an {@code UnusableEvent} naming it when it is missing or blank. */
    public static String requiredText(FeedEvent event, String field) {
        var node = event.payload() == null ? null : event.payload().get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 缺少字段 " + field);
        }
        return node.asText();
    }

    /** The text of an optional field, or {@code null}. */
    public static String optionalText(FeedEvent event, String field) {
        var node = event.payload() == null ? null : event.payload().get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** The {@code UnusableEvent} in {@code error}'s cause chain, or {@code null}. */
    public static UnusableEvent causeOf(Throwable error) {
        return ProblemMappers.causeOf(error, UnusableEvent.class);
    }

    /** A required whole number, or an {@code UnusableEvent} naming the field when it is missing or not one. */
    public static long requiredLong(FeedEvent event, String field) {
        String text = requiredText(event, field);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的字段 " + field + " 不是整数");
        }
    }
}
