package org.kpi.notify.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * Something with a due date that the sweep may have to remind about, with where it stands on its
 * ladder.
 *
 * @param type              what it is
 * @param subjectId         the task, milestone, target or supervision order id
 * @param subjectKey        '' for tasks, milestones and orders; {@code unit|period} for reports; the period for actuals;
 *                          the unit for sign-for
 * @param taskId            the task it belongs to, if any
 * @param targetId          the target it belongs to, if any
 * @param title             what it is called (a task's title, a milestone's, an indicator's name)
 * @param taskTitle         the task's title for a milestone or report, else {@code null}
 * @param period            the period a report or actual is owed for, else {@code null}
 * @param dueDate           the due date the ladder runs against
 * @param ownerUnit         whose policy applies and who is chased first (the lead or responsible unit)
 * @param coUnits           the co-units (for tasks and milestones)
 * @param orgUnit           the unit the subject belongs to, whose district and city are escalated to
 * @param responsibleLeader the responsible leader, named to supervision offices
 * @param periodic          a periodic duty (report, actual): no notice before the due day
 * @param stateDue          the due date of the last step fired, {@code null} before any
 * @param stateOffset       the offset of the last step fired
 */
public record DueSubject(SubjectType type, long subjectId, String subjectKey, Long taskId, Long targetId, String title,
                         String taskTitle, String period, LocalDate dueDate, String ownerUnit, List<String> coUnits,
                         String orgUnit, String responsibleLeader, boolean periodic, LocalDate stateDue,
                         Integer stateOffset) {
}
