package org.kpi.goals.indicators;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** Body of {@code POST /api/v1/indicators} and {@code PUT /api/v1/indicators/{code}}. */
public record IndicatorRequest(
        @NotBlank(message = "不能为空")
        @Pattern(regexp = "^[A-Za-z0-9_-]{1,32}$", message = "应为 1–32 位字母、数字、- 或 _")
        String code,
        @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        @NotBlank(message = "不能为空") @Size(max = 16, message = "不能超过 16 个字符")
        String unit,
        @NotNull(message = "不能为空，可选值：GROWTH_RATE, CUMULATIVE, LEVEL")
        IndicatorKind kind,
        @NotNull(message = "不能为空，可选值：HIGHER_IS_BETTER, LOWER_IS_BETTER")
        Direction direction,
        @NotNull(message = "不能为空，可选值：MONTHLY, QUARTERLY")
        Frequency frequency,
        @NotNull(message = "不能为空")
        @Min(value = 1, message = "应在 1 到 28 之间") @Max(value = 28, message = "应在 1 到 28 之间")
        Integer actualsDueDay,
        @DecimalMin(value = "0", inclusive = false, message = "应大于 0 且小于 1")
        @DecimalMax(value = "1", inclusive = false, message = "应大于 0 且小于 1")
        @Schema(nullable = true) BigDecimal yellowTolerance,
        @Schema(nullable = true) Long version) {
}
