package org.kpi.notify.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Which period of a periodic duty is chased on a given day: the latest one whose due day has come
 * (a weekly report due on Friday, a monthly one on the 25th, a period's actual on the indicator's
 * due day of the month after the period). The next period's due day supersedes it.
 */
public final class DutyPeriods {

    private DutyPeriods() {
    }

    /**
     * One period of a duty.
     *
     * @param key   as the producers write it: {@code 2026-W47}, {@code 2026-11}, {@code 2026-Q3}
     * @param start the period's first day (a report filed on or after it counts)
     * @param due   when it is due
     */
    public record Period(String key, LocalDate start, LocalDate due) {
    }

    public static Period weeklyReport(LocalDate today, DayOfWeek dueDay) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate due = monday.plusDays(dueDay.getValue() - 1L);
        if (today.isBefore(due)) {
            monday = monday.minusWeeks(1);
            due = due.minusWeeks(1);
        }
        String key = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(key, monday, due);
    }

    public static Period monthlyReport(LocalDate today, int dueDay) {
        YearMonth month = YearMonth.from(today);
        if (today.getDayOfMonth() < Math.min(dueDay, month.lengthOfMonth())) {
            month = month.minusMonths(1);
        }
        return new Period(month.toString(), month.atDay(1), month.atDay(Math.min(dueDay, month.lengthOfMonth())));
    }

    /**
     * The period of {@code year} whose actual is chased on {@code today} for an indicator reported
     * {@code frequency} ({@code MONTHLY} or {@code QUARTERLY}) by day {@code dueDay} of the next month;
     * empty when no period of that year is due yet.
     */
    public static Optional<Period> actual(LocalDate today, String frequency, int dueDay, int year) {
        boolean quarterly = "QUARTERLY".equals(frequency);
        int step = quarterly ? 3 : 1;
        // the last period that ended before this month, then one earlier if its due day has not come
        YearMonth end = YearMonth.from(today).minusMonths(1);
        if (quarterly) {
            end = end.minusMonths((end.getMonthValue() % 3 == 0) ? 0 : end.getMonthValue() % 3);
        }
        for (int i = 0; i < 2; i++) {
            YearMonth last = end.minusMonths((long) i * step);
            LocalDate due = last.plusMonths(1).atDay(Math.min(dueDay, last.plusMonths(1).lengthOfMonth()));
            if (!today.isBefore(due)) {
                if (last.getYear() != year) {
                    return Optional.empty();
                }
                YearMonth first = last.minusMonths(step - 1L);
                String key = quarterly ? String.format("%d-Q%d", last.getYear(), (last.getMonthValue() + 2) / 3)
                        : last.toString();
                return Optional.of(new Period(key, first.atDay(1), due));
            }
        }
        return Optional.empty();
    }
}
