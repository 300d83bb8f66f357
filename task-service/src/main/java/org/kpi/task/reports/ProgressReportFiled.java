package org.kpi.task.reports;

import org.kpi.task.tasks.UnitRole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Payload of {@code progress-report.filed} (keyed by the task, so it stays in order with the
 * task's own events): which unit reported on which task and on which business day — what
 * notify-service needs to stop chasing a unit for its weekly or monthly report — and, for a task
 * linked to a target ({@code targetId}), the quantity reached in the task's unit, from which target-service proposes
 * the target's actual for the period (一次填报，多处复用).
 */
public record ProgressReportFiled(long reportId, long taskId, String unitCode, UnitRole role, LocalDate reportedOn,
                                  OffsetDateTime reportedAt, Long targetId, BigDecimal quantityReached,
                                  String quantityUnit, String reportedBy,
                                  Integer percentDone) {
}
