package org.kpi.common.web;

import org.kpi.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses query parameters taken as text, so a malformed value is a 400 problem naming the
 * parameter rather than the 404 that JAX-RS gives for a failed conversion.
 */
public final class QueryParams {

    /** Dates outside these years are refused as input: they are typing errors, and some fail in PostgreSQL. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    private QueryParams() {
    }

    public static long longValue(String name, String raw, long defaultValue, long min, long max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "应为整数，收到 " + abbreviate(raw));
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(name, "应在 " + min + " 到 " + max + " 之间，收到 " + value);
        }
        return value;
    }

    public static Integer optionalInt(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return (int) longValue(name, raw, 0, min, max);
    }

    public static LocalDate optionalDate(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "应为日期 yyyy-MM-dd，收到 " + abbreviate(raw));
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw ProblemException.invalid(name, "日期应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 年之间");
        }
        return date;
    }

    public static Boolean optionalBoolean(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "应为 true 或 false，收到 " + abbreviate(raw));
        };
    }

    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "取值 " + abbreviate(raw) + " 无效，可选值：" + allowed);
        }
    }

    static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
