package org.kpi.goals.reports;

import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.QueryParams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a document covers: an ISO week ({@code 2026-W47}, Monday to Sunday), a month
 * ({@code 2026-10}) or a quarter ({@code 2026-Q3}).
 *
 * @param kind the document it is the period of
 * @param key  the period as written in the API and the archive
 * @param from its first day
 * @param to   its last day
 */
public record ReportPeriod(ReportKind kind, String key, LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses {@code text} as a period of {@code kind}; 400 naming {@code field} when it is not one. */
    public static ReportPeriod parse(ReportKind kind, String text, String field) {
        String value = text == null ? "" : text.trim();
        try {
            return switch (kind) {
                case WEEKLY -> week(value);
                case MONTHLY -> month(value);
                case QUARTERLY -> quarter(value);
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    /** The period of {@code kind} that contains {@code day}. */
    public static ReportPeriod containing(ReportKind kind, LocalDate day) {
        return switch (kind) {
            case WEEKLY -> week(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case MONTHLY -> month(YearMonth.from(day).toString());
            case QUARTERLY -> quarter(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
        };
    }

    private static ReportPeriod week(String text) {
        Matcher m = WEEK.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("周次应写作 2026-W47（ISO 周）");
        }
        int year = year(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate anyDay = LocalDate.of(year, 6, 1);
        if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException(year + " 年没有第 " + week + " 周");
        }
        LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(ReportKind.WEEKLY, text, monday, monday.plusDays(6));
    }

    private static ReportPeriod month(String text) {
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("月份应写作 2026-10");
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("月份应在 01 到 12 之间");
        }
        YearMonth ym = YearMonth.of(year(m.group(1)), month);
        return new ReportPeriod(ReportKind.MONTHLY, text, ym.atDay(1), ym.atEndOfMonth());
    }

    private static ReportPeriod quarter(String text) {
        Matcher m = QUARTER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("季度应写作 2026-Q3");
        }
        int quarter = Integer.parseInt(m.group(2));
        YearMonth first = YearMonth.of(year(m.group(1)), quarter * 3 - 2);
        return new ReportPeriod(ReportKind.QUARTERLY, text, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        if (year < QueryParams.MIN_YEAR || year > QueryParams.MAX_YEAR) {
            throw new IllegalArgumentException("年份应在 " + QueryParams.MIN_YEAR + " 到 " + QueryParams.MAX_YEAR + " 之间");
        }
        return year;
    }

    public int year() {
        return kind == ReportKind.WEEKLY ? from.get(IsoFields.WEEK_BASED_YEAR) : from.getYear();
    }

    /** The period just before this one. */
    public ReportPeriod previous() {
        return containing(kind, from.minusDays(1));
    }

    /** The day the document is as of: the period's last day, or today while it runs. */
    public LocalDate asOf(LocalDate today) {
        return today.isBefore(to) ? today : to;
    }

    /** The period as a reader says it: 2026 年第 47 周（11 月 16 日—11 月 22 日）, 2026 年 10 月, 2026 年第三季度. */
    public String label() {
        return switch (kind) {
            case WEEKLY -> year() + " 年第 " + from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " 周（"
                    + from.getMonthValue() + " 月 " + from.getDayOfMonth() + " 日—" + to.getMonthValue() + " 月 "
                    + to.getDayOfMonth() + " 日）";
            case MONTHLY -> from.getYear() + " 年 " + from.getMonthValue() + " 月";
            case QUARTERLY -> from.getYear() + " 年第" + "一二三四".charAt((from.getMonthValue() - 1) / 3) + "季度";
        };
    }
}
