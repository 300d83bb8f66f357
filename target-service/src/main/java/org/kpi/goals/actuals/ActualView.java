package org.kpi.goals.actuals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An actual as the API and the feed show it. */
@Schema(description = "一期实绩的一个版本 · One version of a period's actual")
public record ActualView(long id, long targetId, String indicatorCode, String orgUnitCode, String responsibleUnitCode,
                         String period, BigDecimal value,
                         @Schema(nullable = true) String note,
                         ActualStatus status, int revision, String submittedBy, OffsetDateTime submittedAt,
                         @Schema(nullable = true) String decidedBy,
                         @Schema(nullable = true, implementation = String.class, format = "date-time")
                         OffsetDateTime decidedAt,
                         @Schema(nullable = true) String returnReason,
                         @Schema(nullable = true) String restatementReason,
                         long version,
                         @Schema(nullable = true, description = "由该任务的进展填报生成（一次填报，多处复用） · "
                                 + "The task whose progress report proposed it") Long sourceTaskId,
                         @Schema(nullable = true, description = "生成此实绩的进展填报编号 · The progress report it was "
                                 + "derived from") Long sourceReportId) {
}
