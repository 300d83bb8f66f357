package org.kpi.task.tasks;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as clients see it. {@code colour}, {@code overdue} and {@code daysOverdue} are derived
 * with the service's clock; {@code responseOverdue} says a supervision order waits for an
 * answer past its date.
 */
@Schema(description = "重点任务：内容、单位、时限、节点、状态与三色评价 · A key task: content, units, dates, milestones, status and colour")
public record TaskView(
        Long id,
        String title,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String category,
        @Schema(nullable = true) String source,
        String orgUnitCode,
        String leadUnitCode,
        List<String> coUnitCodes,
        @Schema(nullable = true) String responsibleLeader,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate startDate,
        LocalDate dueDate,
        ReportingCadence reportingCadence,
        @Schema(nullable = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "目标数量 · The quantity to reach",
                properties = {
                    @SchemaProperty(name = "value", type = SchemaType.NUMBER, description = "数量 · Amount"),
                    @SchemaProperty(name = "unit", type = SchemaType.STRING, description = "计量单位 · Unit"),
                    @SchemaProperty(name = "qualifier", type = SchemaType.STRING, nullable = true,
                            description = "限定：以上、左右、突破、累计、力争…… · Qualifier: at least, about …")
                })
        Quantity quantity,
        @Schema(nullable = true) Long targetId,
        List<MilestoneView> milestones,
        TaskStatus status,
        Colour colour,
        boolean overdue,
        long daysOverdue,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate nextDueDate,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate responseDueDate,
        boolean responseOverdue,
        @Schema(nullable = true) Integer percentDone,
        @Schema(nullable = true) BigDecimal quantityReached,
        @Schema(nullable = true) String closureSummary,
        @Schema(nullable = true) String lastReason,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime closureRequestedAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime closedAt,
        String createdBy,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true, description = "任务所依据的计划原文（由计划分解而来时） · The plan's words the task "
                + "was drafted from, when it was") String sourceText,
        @Schema(nullable = true, description = "所依据的领导批示件 · The leader instruction the task was made from")
        Long instructionId,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "交办时间（改派后为改派时间） · When it was assigned, or reassigned") OffsetDateTime assignedAt,
        @Schema(nullable = true, implementation = String.class, format = "date",
                description = "签收期限（最后一个工作日） · The last working day to sign for it") LocalDate signForDueDate,
        @Schema(description = "已签收的单位 · The units that have signed for it") List<Signature> signatures,
        @Schema(description = "尚未签收的牵头和配合单位（牵头在前） · Lead and co-units yet to sign, lead first")
        List<String> unsignedUnitCodes,
        @Schema(description = "超过签收期限仍有单位未签收 · A unit has not signed past the limit") boolean signForOverdue,
        @Schema(nullable = true) Rating rating,
        @Schema(nullable = true, description = "满意度评价意见 · The comment with the rating") String ratingComment) {

    static TaskView of(Task task, TaskColourRule rule, LocalDate today) {
        TaskColourRule.Assessment assessment = rule.assess(task.status, task.nextDueDate, today);
        List<String> unsigned = task.unsignedUnitCodes();
        Quantity quantity = task.quantityValue == null ? null
                : new Quantity(Quantity.plain(task.quantityValue), task.quantityUnit, task.quantityQualifier);
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
                task.version, task.createdAt, task.updatedAt, task.sourceText, task.instructionId, task.assignedAt,
                task.signForDue, task.signatures == null ? List.of() : List.copyOf(task.signatures), unsigned,
                !unsigned.isEmpty() && task.status.isRunning() && task.signForDue != null
                        && task.signForDue.isBefore(today),
                task.rating, task.ratingComment);
    }
}
