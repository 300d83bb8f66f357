package org.kpi.task.tasks;

import java.time.OffsetDateTime;

/**
 * Payload of {@code task.closure-requested}, {@code task.returned} and {@code task.closed}:
 * the task, its units, the new status, and the summary or reason given. A closure, and a return for
 * an {@code UNSATISFIED} rating, carry the assessor's rating (满意度) and comment; other
 * transitions none.
 */
public record TaskTransitionEvent(Long taskId, String title, String orgUnitCode, String leadUnitCode,
                                  TaskStatus status, String text, String actor, OffsetDateTime at,
                                  Rating rating, String ratingComment) {
}
