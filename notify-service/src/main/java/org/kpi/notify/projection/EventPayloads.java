package org.kpi.notify.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading the fields of a feed event's payload: a missing field or a value of the wrong shape is
 * an {@link UnusableEvent} (parked at once with a readable reason), never a bare parse error.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** The event's payload, which must be a JSON object. */
    public static JsonNode payload(FeedEvent event) {
        JsonNode payload = event.payload();
        if (payload == null || !payload.isObject()) {
            throw new UnusableEvent("事件没有内容");
        }
        return payload;
    }

    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnusableEvent("事件缺少字段 " + field);
        }
        return value;
    }

    /** The field as text; {@code null} when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The field as a date ({@code 2026-11-30}); {@code null} when absent or null. */
    public static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnusableEvent("事件字段 " + field + " 不是日期：" + value);
        }
    }

    /** A required timestamp with offset. */
    public static OffsetDateTime timestamp(JsonNode node, String field) {
        String value = required(node, field).asText();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnusableEvent("事件字段 " + field + " 不是时间：" + value);
        }
    }
}
