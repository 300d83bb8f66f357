package org.kpi.goals.assessment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A discretionary bonus (positive) or deduction (negative) for a department, with its reason. */
@Schema(description = "加减分：正数加分、负数扣分，须说明理由 · A bonus or deduction with its reason")
public record AdjustmentCreate(
        @NotBlank(message = "考核单位不能为空") @Size(max = 32, message = "单位代码最长 32 个字符")
        @Schema(description = "考核单位（区县或市） · The unit whose assessment it belongs to") String orgUnitCode,
        @NotBlank(message = "被考核部门不能为空") @Size(max = 32, message = "单位代码最长 32 个字符")
        @Schema(description = "被考核的部门 · The department") String unitCode,
        @NotNull(message = "分值不能为空")
        @DecimalMin(value = "-100", message = "分值应在 -100 到 100 之间")
        @DecimalMax(value = "100", message = "分值应在 -100 到 100 之间")
        @Digits(integer = 3, fraction = 2, message = "分值最多 2 位小数")
        BigDecimal points,
        @NotBlank(message = "理由不能为空") @Size(max = 500, message = "理由最长 500 个字符") String reason,
        @Schema(nullable = true, description = "计入的日期（决定所属期次），缺省为今天 · The day it counts on")
        LocalDate effectiveOn) {
}
