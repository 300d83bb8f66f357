package org.kpi.goals.progress;

import java.math.BigDecimal;

/**
 * Where a target stands.
 *
 * @param latestPeriod    the latest period with an approved actual, or null
 * @param actual          year-to-date sum or latest value, or null
 * @param completionRatio actual against the committed value (cumulative) or against the
 *                        reference value (rates, levels: 1.0 is on target); null without actuals
 * @param expectedRatio   where the target should be by now: the elapsed share of the year or
 *                        the plan (cumulative), 1.0 for rates and levels
 * @param colour          BLUE, YELLOW or RED
 * @param stretchReached  whether the stretch value (力争) is reached
 * @param actualsOverdue  whether the latest due period has no approved actual
 */
public record ProgressResult(String latestPeriod, BigDecimal actual, Double completionRatio, Double expectedRatio,
                             Colour colour, boolean stretchReached, boolean actualsOverdue) {
}
