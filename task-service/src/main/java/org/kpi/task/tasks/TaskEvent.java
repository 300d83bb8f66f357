package org.kpi.task.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@code task.upserted}: what notify-service needs to remind — title, units, dates,
 * milestones, cadence, status, and the units yet to sign for it by when — and what target-service's
 * documents list besides: category, linked target, when it was handed out. A change that alters none of these (a new percentage, a
 * description, a supervision order's answer date) publishes no upsert: consumers would learn
 * nothing from it.
 */
public record TaskEvent(
        Long id,
        String title,
        String orgUnitCode,
        String leadUnitCode,
        List<String> coUnitCodes,
        String responsibleLeader,
        LocalDate startDate,
        LocalDate dueDate,
        LocalDate nextDueDate,
        ReportingCadence reportingCadence,
        TaskStatus status,
        List<MilestoneView> milestones,
        LocalDate signForDueDate,
        List<String> unsignedUnitCodes,
        String category,
        Long targetId,
        OffsetDateTime assignedAt,
        long version,
        OffsetDateTime updatedAt) {

    static TaskEvent of(Task task) {
        return new TaskEvent(task.id, task.title, task.orgUnitCode, task.leadUnitCode, task.coUnitCodes(),
                task.responsibleLeader, task.startDate, task.dueDate, task.nextDueDate, task.reportingCadence,
                task.status, task.milestones.stream().map(MilestoneView::of).toList(), task.signForDue,
                task.unsignedUnitCodes(), task.category, task.targetId, task.assignedAt, task.version, task.updatedAt);
    }

    /** The payload a task had when it was shown as {@code view}. */
    static TaskEvent of(TaskView view) {
        return new TaskEvent(view.id(), view.title(), view.orgUnitCode(), view.leadUnitCode(), view.coUnitCodes(),
                view.responsibleLeader(), view.startDate(), view.dueDate(), view.nextDueDate(),
                view.reportingCadence(), view.status(), view.milestones(), view.signForDueDate(),
                view.unsignedUnitCodes(), view.category(), view.targetId(), view.assignedAt(), view.version(),
                view.updatedAt());
    }

    /** Whether this payload and {@code other} carry the same state: everything but version and time. */
    boolean carriesSameStateAs(TaskEvent other) {
        return withoutVersion().equals(other.withoutVersion());
    }

    private TaskEvent withoutVersion() {
        return new TaskEvent(id, title, orgUnitCode, leadUnitCode, coUnitCodes, responsibleLeader, startDate, dueDate,
                nextDueDate, reportingCadence, status, milestones, signForDueDate, unsignedUnitCodes, category, targetId,
                assignedAt, 0, null);
    }
}
