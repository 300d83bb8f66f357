package org.kpi.goals.progress;

import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.IndicatorKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * What progress is computed from.
 *
 * @param kind            how the indicator's values combine
 * @param direction       whether more is better
 * @param committed       the committed annual value (确保)
 * @param stretch         the stretch value (力争), or null
 * @param plan            checkpoints, possibly empty
 * @param yellowTolerance how far behind (in ratio points) still counts as YELLOW
 * @param latestApproved  the latest period with an approved actual, or null
 * @param actual          the year-to-date sum (cumulative) or the latest value (rates, levels); null without actuals
 * @param latestDue       the latest period whose actuals are due by now, or null
 */
public record ProgressInput(IndicatorKind kind, Direction direction, BigDecimal committed, BigDecimal stretch,
                            List<PlanPoint> plan, double yellowTolerance, Period latestApproved,
                            BigDecimal actual, Period latestDue) {
}
