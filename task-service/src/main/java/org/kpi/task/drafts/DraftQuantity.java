package org.kpi.task.drafts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The number a draft is measured by: {@code 5 个 以上}. A plan that masks the number ({@code **亿元})
 * gives {@code masked: true} and no value — never an invented one.
 */
@Schema(description = "数量：数值、单位、限定词（以上、左右、突破、累计、力争……）；原文隐去的数字 masked 为 true 且无数值 · "
        + "Quantity: value, unit, qualifier; a number the plan masks has masked true and no value")
public record DraftQuantity(
        @Schema(nullable = true) @DecimalMin(value = "0", message = "数量不能为负")
        @Digits(integer = 14, fraction = 4, message = "数量最多 14 位整数、4 位小数") BigDecimal value,
        @NotBlank(message = "计量单位不能为空") @Size(max = 32, message = "计量单位最长 32 个字符") String unit,
        @Schema(nullable = true) @Size(max = 8, message = "限定词最长 8 个字符") String qualifier,
        boolean masked) {
}
