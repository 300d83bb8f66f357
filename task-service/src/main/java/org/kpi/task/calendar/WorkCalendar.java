package org.kpi.task.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days as Chinese offices keep them (工作日): Monday to Friday, except the statutory
 * holidays (法定节假日) that fall on them, plus the weekend days worked in exchange (调休上班).
 * Plain domain: the holidays and exchanged days come from the calendar an admin loads per year.
 */
public final class WorkCalendar {

    /** A calendar with no holidays loaded: weekdays are working days. */
    public static final WorkCalendar WEEKDAYS = new WorkCalendar(Set.of(), Set.of());

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekends;

    /**
     * @param holidays       days off that would otherwise be working days (法定节假日, and the weekdays given
     *                       off in exchange)
     * @param workedWeekends Saturdays and Sundays that are working days (调休上班)
     */
    public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workedWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workedWeekends = Set.copyOf(workedWeekends);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workedWeekends.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day {@code days} working days after {@code from} (not counting {@code from} itself): a task
     * assigned on Friday with 2 working days to sign for is due on Tuesday. {@code days} of 0 is
     * {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
