package org.kpi.goals.assessment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A supervisor's decision on an appeal: accepting gives the line's corrected points. */
@Schema(description = "申诉审核：采纳时给出更正后的分值；驳回须说明理由 · The decision: corrected points when accepted")
public record AppealDecision(
        @Schema(nullable = true, description = "更正后的分值（采纳时必填） · The corrected points")
        @DecimalMin(value = "-1000", message = "分值应在 -1000 到 1000 之间")
        @DecimalMax(value = "1000", message = "分值应在 -1000 到 1000 之间")
        @Digits(integer = 4, fraction = 2, message = "分值最多 2 位小数")
        BigDecimal points,
        @NotBlank(message = "审核意见不能为空") @Size(max = 2000, message = "审核意见最长 2000 个字符") String reason) {
}
