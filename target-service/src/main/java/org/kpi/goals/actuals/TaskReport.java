package org.kpi.goals.actuals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What task-service's {@code progress-report.filed} tells about a lead unit's report on a task
 * linked to a target: the quantity reached and its unit, on which day, by whom.
 */
public record TaskReport(long reportId, long taskId, long targetId, LocalDate reportedOn, BigDecimal reached,
                         String quantityUnit, String reportedBy) {
}
