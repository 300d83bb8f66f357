package org.kpi.task.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@code task.upserted}: what notify-service needs to remind — title, units, dates,
 * milestones, cadence and status.
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
        long version,
        OffsetDateTime updatedAt) {

    static TaskEvent of(Task task) {
        return new TaskEvent(task.id, task.title, task.orgUnitCode, task.leadUnitCode, task.coUnitCodes(),
                task.responsibleLeader, task.startDate, task.dueDate, task.nextDueDate, task.reportingCadence,
                task.status, task.milestones.stream().map(MilestoneView::of).toList(), task.version,
                task.updatedAt);
    }
}
