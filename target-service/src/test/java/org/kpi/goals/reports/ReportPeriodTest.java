package org.kpi.goals.reports;

import org.junit.jupiter.api.Test;
import org.kpi.common.problem.ProblemException;
import org.kpi.goals.indicators.Frequency;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The periods the documents cover, and the periods a day gone by had seen end. */
class ReportPeriodTest {

    @Test
    void weeksAreIsoWeeksAcrossTheTurnOfTheYear() {
        ReportPeriod w53 = ReportPeriod.parse(ReportKind.WEEKLY, "2026-W53", "week");
        assertEquals(LocalDate.of(2026, 12, 28), w53.from());
        assertEquals(LocalDate.of(2027, 1, 3), w53.to());
        assertEquals("2026-W53", ReportPeriod.containing(ReportKind.WEEKLY, LocalDate.of(2027, 1, 1)).key());
        assertEquals("2026-W01", ReportPeriod.containing(ReportKind.WEEKLY, LocalDate.of(2025, 12, 29)).key());
        assertEquals("2026-W52", w53.previous().key());
        assertThrows(ProblemException.class, () -> ReportPeriod.parse(ReportKind.WEEKLY, "2025-W53", "week"));
        assertEquals("2025-Q4", ReportPeriod.parse(ReportKind.QUARTERLY, "2026-Q1", "quarter").previous().key());
        assertEquals("2025-12", ReportPeriod.parse(ReportKind.MONTHLY, "2026-01", "month").previous().key());
    }

    @Test
    void aDayHasSeenEndTheMonthsAndQuartersBeforeItsOwnAndItsOwnOnItsLastDay() {
        assertEquals("2026-09", Reports.lastEnded(2026, Frequency.MONTHLY, LocalDate.of(2026, 10, 30)).toString());
        assertEquals("2026-10", Reports.lastEnded(2026, Frequency.MONTHLY, LocalDate.of(2026, 10, 31)).toString());
        assertEquals("2026-Q3", Reports.lastEnded(2026, Frequency.QUARTERLY, LocalDate.of(2026, 9, 30)).toString());
        assertEquals("2026-Q2", Reports.lastEnded(2026, Frequency.QUARTERLY, LocalDate.of(2026, 9, 29)).toString());
        assertNull(Reports.lastEnded(2026, Frequency.MONTHLY, LocalDate.of(2026, 1, 20)));
        assertNull(Reports.lastEnded(2026, Frequency.QUARTERLY, LocalDate.of(2026, 2, 28)));
        assertEquals("2025-12", Reports.lastEnded(2025, Frequency.MONTHLY, LocalDate.of(2026, 3, 1)).toString());
        assertNull(Reports.lastEnded(2027, Frequency.MONTHLY, LocalDate.of(2026, 12, 31)));
    }
}
