package org.kpi.goals.progress;

import org.kpi.goals.indicators.Frequency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of one year: a month ({@code 2026-06}), a quarter ({@code 2026-Q2}) or a
 * half-year ({@code 2026-H1}). Periods compare by the month they end in.
 */
public record Period(int year, Granularity granularity, int index) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-(?:(\\d{2})|Q([1-4])|H([12]))$");

    public enum Granularity {
        MONTH(1), QUARTER(3), HALF(6);

        final int months;

        Granularity(int months) {
            this.months = months;
        }
    }

    public Period {
        int max = 12 / granularity.months;
        if (index < 1 || index > max) {
            throw new IllegalArgumentException("期次序号应在 1 到 " + max + " 之间");
        }
    }

    /** Parses {@code 2026-06}, {@code 2026-Q2} or {@code 2026-H1}; anything else is an {@link IllegalArgumentException}. */
    public static Period parse(String text) {
        Period plain = text == null ? null : parsePlain(text);
        if (plain != null) {
            return plain;
        }
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("期次格式应为 2026-06、2026-Q2 或 2026-H1");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(year, Granularity.MONTH, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(year, Granularity.QUARTER, Integer.parseInt(m.group(3)));
        }
        return new Period(year, Granularity.HALF, Integer.parseInt(m.group(4)));
    }

    /** The common case without a regular expression (targets' latest periods, parsed for every dashboard row); null when not plain. */
    private static Period parsePlain(String text) {
        if (text.length() != 7 || text.charAt(4) != '-') {
            return null;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        char kind = text.charAt(5);
        char last = text.charAt(6);
        if (last < '0' || last > '9') {
            return null;
        }
        int digit = last - '0';
        if (kind == 'Q' && digit >= 1 && digit <= 4) {
            return new Period(year, Granularity.QUARTER, digit);
        }
        if (kind == 'H' && digit >= 1 && digit <= 2) {
            return new Period(year, Granularity.HALF, digit);
        }
        if (kind >= '0' && kind <= '1') {
            int month = (kind - '0') * 10 + digit;
            return month >= 1 && month <= 12 ? new Period(year, Granularity.MONTH, month) : null;
        }
        return null;
    }

    public static Period month(int year, int month) {
        return new Period(year, Granularity.MONTH, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(year, Granularity.QUARTER, quarter);
    }

    /** The last month of the period, 1–12. */
    public int endMonth() {
        return index * granularity.months;
    }

    public int startMonth() {
        return endMonth() - granularity.months + 1;
    }

    public LocalDate startDate() {
        return LocalDate.of(year, startMonth(), 1);
    }

    public LocalDate endDate() {
        return YearMonth.of(year, endMonth()).atEndOfMonth();
    }

    /** The share of the year that has elapsed when the period ends (June: 0.5). */
    public double elapsedShare() {
        return endMonth() / 12.0;
    }

    /** Whether this is the granularity that {@code frequency} reports in. */
    public boolean matches(Frequency frequency) {
        return switch (frequency) {
            case MONTHLY -> granularity == Granularity.MONTH;
            case QUARTERLY -> granularity == Granularity.QUARTER;
        };
    }

    /** The day the period's actuals are due: {@code dueDay} of the month after it ends. */
    public LocalDate dueDate(int dueDay) {
        return endDate().plusDays(1).withDayOfMonth(dueDay);
    }

    /**
     * The last period of {@code year} reported at {@code frequency} whose actuals are due on or
     * before {@code asOf}, or {@code null} when none is due yet.
     */
    public static Period latestDue(int year, Frequency frequency, int dueDay, LocalDate asOf) {
        Granularity granularity = frequency == Frequency.MONTHLY ? Granularity.MONTH : Granularity.QUARTER;
        Period latest = null;
        for (int i = 1; i <= 12 / granularity.months; i++) {
            Period candidate = new Period(year, granularity, i);
            if (!candidate.dueDate(dueDay).isAfter(asOf)) {
                latest = candidate;
            }
        }
        return latest;
    }

    /** The period of {@code frequency} that contains {@code date}. */
    public static Period containing(LocalDate date, Frequency frequency) {
        return frequency == Frequency.MONTHLY
                ? month(date.getYear(), date.getMonthValue())
                : quarter(date.getYear(), (date.getMonthValue() + 2) / 3);
    }

    @Override
    public int compareTo(Period other) {
        int byYear = Integer.compare(year, other.year);
        if (byYear != 0) {
            return byYear;
        }
        int byEnd = Integer.compare(endMonth(), other.endMonth());
        return byEnd != 0 ? byEnd : Integer.compare(granularity.months, other.granularity.months);
    }

    @Override
    public String toString() {
        return switch (granularity) {
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case QUARTER -> year + "-Q" + index;
            case HALF -> year + "-H" + index;
        };
    }
}
