package org.kpi.task.tasks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The colour of a task (蓝黄红三色管理), derived from dates and state, never set by hand.
 *
 * <p>Only a running task ({@link TaskStatus#isRunning()}: assigned or in progress) is judged; a
 * draft, a task whose lead asked for closure, a closed or cancelled task is BLUE and not
 * overdue. A running task is judged by its next due date (the first open milestone, else the
 * task's own due date):
 * <ul>
 *   <li>overdue by more than {@code redAfterDays}: RED;</li>
 *   <li>overdue by 1 to {@code redAfterDays} days, or due within {@code dueSoonDays}: YELLOW;</li>
 *   <li>otherwise BLUE.</li>
 * </ul>
 * {@link TaskSearch} expresses the same rule in SQL, so lists filter on it.
 */
public final class TaskColourRule {

    /** The verdict on one task. */
    public record Assessment(Colour colour, boolean overdue, long daysOverdue) {
    }

    private final int dueSoonDays;
    private final int redAfterDays;

    public TaskColourRule(int dueSoonDays, int redAfterDays) {
        if (dueSoonDays < 0 || redAfterDays < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        this.dueSoonDays = dueSoonDays;
        this.redAfterDays = redAfterDays;
    }

    public int dueSoonDays() {
        return dueSoonDays;
    }

    public int redAfterDays() {
        return redAfterDays;
    }

    public Assessment assess(TaskStatus status, LocalDate nextDueDate, LocalDate today) {
        if (!status.isRunning() || nextDueDate == null) {
            return new Assessment(Colour.BLUE, false, 0);
        }
        long late = ChronoUnit.DAYS.between(nextDueDate, today);
        if (late > redAfterDays) {
            return new Assessment(Colour.RED, true, late);
        }
        if (late > 0) {
            return new Assessment(Colour.YELLOW, true, late);
        }
        if (-late <= dueSoonDays) {
            return new Assessment(Colour.YELLOW, false, 0);
        }
        return new Assessment(Colour.BLUE, false, 0);
    }
}
