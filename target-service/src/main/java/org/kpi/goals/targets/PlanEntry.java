package org.kpi.goals.targets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * A checkpoint of a target's plan: {@code period} written {@code 2026-06}, {@code 2026-Q2} or
 * {@code 2026-H1}; {@code value} year to date for cumulative indicators.
 */
public record PlanEntry(
        @NotBlank(message = "不能为空") String period,
        @NotNull(message = "不能为空") BigDecimal value) {
}
