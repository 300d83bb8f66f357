package org.kpi.goals.progress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpi.goals.indicators.Frequency;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2026-06, 6, 6, 2026-06",
            "2026-01, 1, 1, 2026-01",
            "' 2026-Q1 ', 1, 3, 2026-Q1",
            "2026-12, 12, 12, 2026-12",
            "2026-Q2, 4, 6, 2026-Q2",
            "2026-Q4, 10, 12, 2026-Q4",
            "2026-H1, 1, 6, 2026-H1",
            "2026-H2, 7, 12, 2026-H2"})
    void parsesTheThreeForms(String text, int startMonth, int endMonth, String printed) {
        Period period = Period.parse(text);
        assertEquals(2026, period.year());
        assertEquals(startMonth, period.startMonth());
        assertEquals(endMonth, period.endMonth());
        assertEquals(printed, period.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-6", "2026-Q5", "2026-Q0", "2026-H3", "26-06", "2026/06", "", "2026-06-01"})
    void refusesAnythingElse(String text) {
        assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
    }

    @Test
    void matchesOnlyItsFrequency() {
        assertTrue(Period.parse("2026-06").matches(Frequency.MONTHLY));
        assertFalse(Period.parse("2026-06").matches(Frequency.QUARTERLY));
        assertTrue(Period.parse("2026-Q2").matches(Frequency.QUARTERLY));
        assertFalse(Period.parse("2026-H1").matches(Frequency.MONTHLY));
    }

    @Test
    void actualsAreDueOnTheDueDayOfTheFollowingMonth() {
        assertEquals(LocalDate.of(2026, 7, 15), Period.parse("2026-06").dueDate(15));
        assertEquals(LocalDate.of(2027, 1, 10), Period.parse("2026-Q4").dueDate(10));
    }

    @Test
    void latestDuePeriodFollowsTheStatisticsLag() {
        assertEquals("2026-09", Period.latestDue(2026, Frequency.MONTHLY, 15, LocalDate.of(2026, 10, 15)).toString());
        assertEquals("2026-08", Period.latestDue(2026, Frequency.MONTHLY, 15, LocalDate.of(2026, 10, 14)).toString());
        assertEquals("2026-Q3", Period.latestDue(2026, Frequency.QUARTERLY, 20, LocalDate.of(2026, 11, 23)).toString());
        assertNull(Period.latestDue(2026, Frequency.MONTHLY, 15, LocalDate.of(2026, 2, 1)));
        assertEquals("2026-12", Period.latestDue(2026, Frequency.MONTHLY, 15, LocalDate.of(2027, 3, 1)).toString());
    }

    @Test
    void periodsOrderByTheMonthTheyEnd() {
        assertTrue(Period.parse("2026-05").compareTo(Period.parse("2026-Q2")) < 0);
        assertTrue(Period.parse("2026-Q2").compareTo(Period.parse("2026-H1")) < 0);
        assertTrue(Period.parse("2025-12").compareTo(Period.parse("2026-01")) < 0);
    }
}
