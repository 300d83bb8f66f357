package org.kpi.goals.progress;

import java.math.BigDecimal;

/**
 * A checkpoint of a target's plan: the value expected by the end of {@code period} — year to
 * date for cumulative indicators (e.g. "双过半": half the annual amount by {@code 2026-H1}), the
 * rate itself for rates and levels.
 */
public record PlanPoint(Period period, BigDecimal value) {
}
