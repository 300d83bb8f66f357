package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An appeal (申诉) of a published line and its outcome. */
@Schema(description = "申诉及其结果 · An appeal and its outcome")
public record AppealView(
        long id,
        String lineId,
        String orgUnitCode,
        int year,
        String period,
        String unitCode,
        @Schema(description = "被申诉明细的规则与分值 · The line appealed") String lineRule,
        BigDecimal linePoints,
        String reason,
        @Schema(nullable = true) String attachmentName,
        @Schema(description = "PENDING 待审核、ACCEPTED 已采纳、REJECTED 已驳回 · Pending, accepted or rejected")
        String status,
        String filedBy,
        OffsetDateTime filedAt,
        @Schema(nullable = true) BigDecimal correctedPoints,
        @Schema(nullable = true, description = "更正后的明细 · The corrected line") String correctedLineId,
        @Schema(nullable = true) String decisionReason,
        @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime decidedAt) {
}
