package org.kpi.goals.assessment;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An assessment period: a year ({@code 2026}), a half ({@code 2026-H1}) or a quarter ({@code 2026-Q2}). */
public record AssessmentPeriod(String key, int year, LocalDate from, LocalDate to) {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-([HQ])([1-4]))?$");

    /** Parses a period of {@code year}; anything else is an {@link IllegalArgumentException} saying what is expected. */
    public static AssessmentPeriod parse(String text, int year) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("期次应为 " + year + "、" + year + "-H1 或 " + year + "-Q2 这样的形式");
        }
        int y = Integer.parseInt(m.group(1));
        if (y != year) {
            throw new IllegalArgumentException("期次应在年度 " + year + " 之内");
        }
        if (m.group(2) == null) {
            return new AssessmentPeriod(Integer.toString(y), y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        int index = Integer.parseInt(m.group(3));
        int months = "H".equals(m.group(2)) ? 6 : 3;
        if (index > 12 / months) {
            throw new IllegalArgumentException("半年只有 H1、H2");
        }
        LocalDate from = LocalDate.of(y, (index - 1) * months + 1, 1);
        return new AssessmentPeriod(y + "-" + m.group(2) + index, y, from, from.plusMonths(months).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The last day whose facts are known on {@code today}: the period's end, or today while it runs. */
    public LocalDate cutoff(LocalDate today) {
        return today.isBefore(to) ? today : to;
    }
}
