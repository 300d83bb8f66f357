package org.kpi.task.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working days across weekends and a National Day week with an exchanged Saturday (调休). */
class WorkCalendarTest {

    /** A National Day week as offices keep it: 1–8 Oct off, Sunday 27 Sep and Saturday 10 Oct worked. */
    private static WorkCalendar nationalDay2026() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int day = 1; day <= 8; day++) {
            holidays.add(LocalDate.of(2026, 10, day));
        }
        return new WorkCalendar(holidays, Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));
    }

    @Test
    void weekdaysAreWorkingDaysAndWeekendsAreNotWithoutACalendar() {
        WorkCalendar plain = WorkCalendar.WEEKDAYS;
        assertTrue(plain.isWorkingDay(LocalDate.of(2026, 11, 20)), "a Friday");
        assertFalse(plain.isWorkingDay(LocalDate.of(2026, 11, 21)), "a Saturday");
        assertFalse(plain.isWorkingDay(LocalDate.of(2026, 11, 22)), "a Sunday");
        assertEquals(LocalDate.of(2026, 11, 24), plain.plusWorkingDays(LocalDate.of(2026, 11, 20), 2),
                "two working days after a Friday is the Tuesday");
        assertEquals(LocalDate.of(2026, 11, 20), plain.plusWorkingDays(LocalDate.of(2026, 11, 20), 0));
        assertEquals(5, plain.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27)));
        assertEquals(0, plain.workingDaysBetween(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 20)));
    }

    @Test
    void theNationalDayWeekIsSkippedAndTheExchangedSaturdayCounts() {
        WorkCalendar calendar = nationalDay2026();
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 1)), "a Thursday off");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 9, 27)), "a Sunday worked");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)), "a Saturday worked");
        // assigned on Wednesday 30 Sep: eight days off follow; Friday 9 Oct, then the exchanged Saturday 10 Oct
        assertEquals(LocalDate.of(2026, 10, 9), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1));
        assertEquals(LocalDate.of(2026, 10, 10), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 2));
        assertEquals(LocalDate.of(2026, 10, 12), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3));
        // without the calendar the same limit would fall on Friday 2 Oct
        assertEquals(LocalDate.of(2026, 10, 2), WorkCalendar.WEEKDAYS.plusWorkingDays(LocalDate.of(2026, 9, 30), 2));
        assertEquals(3, calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12)));
        assertEquals(4, calendar.workingDaysBetween(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 30)),
                "Sunday 27, Monday 28, Tuesday 29 and Wednesday 30 September");
    }

    @Test
    void aNegativeNumberOfDaysIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> WorkCalendar.WEEKDAYS.plusWorkingDays(LocalDate.of(2026, 1, 5), -1));
    }
}
