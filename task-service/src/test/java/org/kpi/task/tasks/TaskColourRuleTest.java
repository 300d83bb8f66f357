package org.kpi.task.tasks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The colour rule, table-driven: today 2026-09-10, default thresholds (3 days soon, red after 7 late). */
class TaskColourRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 10);

    @ParameterizedTest(name = "{0} due {1} -> {2}, overdue {3} ({4} days)")
    @CsvSource({
        // status,          next due,    colour, overdue, days late
        "IN_PROGRESS,       2026-12-31,  BLUE,   false,   0",
        "IN_PROGRESS,       2026-09-14,  BLUE,   false,   0",
        "IN_PROGRESS,       2026-09-13,  YELLOW, false,   0",
        "IN_PROGRESS,       2026-09-10,  YELLOW, false,   0",
        "IN_PROGRESS,       2026-09-09,  YELLOW, true,    1",
        "IN_PROGRESS,       2026-09-03,  YELLOW, true,    7",
        "IN_PROGRESS,       2026-09-02,  RED,    true,    8",
        "ASSIGNED,          2026-01-01,  RED,    true,    252",
        "ASSIGNED,          2026-09-12,  YELLOW, false,   0",
        "DRAFT,             2026-09-01,  BLUE,   false,   0",
        "CLOSURE_REQUESTED, 2026-09-01,  BLUE,   false,   0",
        "CLOSURE_REQUESTED, 2026-09-11,  BLUE,   false,   0",
        "CLOSED,            2026-01-01,  BLUE,   false,   0",
        "CANCELLED,         2026-01-01,  BLUE,   false,   0",
    })
    void colourFollowsDatesAndState(TaskStatus status, LocalDate due, Colour colour, boolean overdue, long days) {
        TaskColourRule.Assessment assessment = new TaskColourRule(3, 7).assess(status, due, TODAY);
        assertEquals(colour, assessment.colour());
        assertEquals(overdue, assessment.overdue());
        assertEquals(days, assessment.daysOverdue());
    }

    @ParameterizedTest(name = "soon {0}, red after {1}: due {2} -> {3}")
    @CsvSource({
        "0, 0, 2026-09-10, YELLOW",
        "0, 0, 2026-09-11, BLUE",
        "0, 0, 2026-09-09, RED",
        "5, 14, 2026-09-15, YELLOW",
        "5, 14, 2026-08-27, YELLOW",
        "5, 14, 2026-08-26, RED",
    })
    void thresholdsAreConfigurable(int soon, int red, LocalDate due, Colour colour) {
        assertEquals(colour, new TaskColourRule(soon, red).assess(TaskStatus.IN_PROGRESS, due, TODAY).colour());
    }
}
