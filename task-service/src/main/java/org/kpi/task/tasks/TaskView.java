package org.kpi.task.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as clients see it. {@code colour}, {@code overdue} and {@code daysOverdue} are derived
 * with the service's clock; {@code responseOverdue} says a supervision order waits for an
 * answer past its date.
 */
public record TaskView(
        Long id,
        String title,
        String description,
        String category,
        String source,
        String orgUnitCode,
        String leadUnitCode,
        List<String> coUnitCodes,
        String responsibleLeader,
        LocalDate startDate,
        LocalDate dueDate,
        ReportingCadence reportingCadence,
        Quantity quantity,
        String targetId,
        List<MilestoneView> milestones,
        TaskStatus status,
        Colour colour,
        boolean overdue,
        long daysOverdue,
        LocalDate nextDueDate,
        LocalDate responseDueDate,
        boolean responseOverdue,
        Integer percentDone,
        BigDecimal quantityReached,
        String closureSummary,
        String lastReason,
        OffsetDateTime closureRequestedAt,
        OffsetDateTime closedAt,
        String createdBy,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static TaskView of(Task task, TaskColourRule rule, LocalDate today) {
        TaskColourRule.Assessment assessment = rule.assess(task.status, task.nextDueDate, today);
        Quantity quantity = task.quantityValue == null ? null
                : new Quantity(Quantity.plain(task.quantityValue), task.quantityUnit);
        return new TaskView(task.id, task.title, task.description, task.category, task.source,
                task.orgUnitCode, task.leadUnitCode, task.coUnitCodes(), task.responsibleLeader,
                task.startDate, task.dueDate, task.reportingCadence, quantity, task.targetId,
                task.milestones.stream().map(MilestoneView::of).toList(),
                task.status, assessment.colour(), assessment.overdue(), assessment.daysOverdue(),
                task.nextDueDate, task.responseDueDate,
                task.responseDueDate != null && task.responseDueDate.isBefore(today)
                        && TaskStatus.AWAITING_RESPONSE.contains(task.status),
                task.percentDone,
                Quantity.plain(task.quantityReached),
                task.closureSummary, task.lastReason, task.closureRequestedAt, task.closedAt, task.createdBy,
                task.version, task.createdAt, task.updatedAt);
    }
}
