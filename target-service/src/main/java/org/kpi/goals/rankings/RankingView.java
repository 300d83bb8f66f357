package org.kpi.goals.rankings;

import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/rankings}: peers ranked on one indicator and period.
 *
 * @param basis {@code COMPLETION_RATIO} for cumulative indicators (units have different
 *              targets), {@code VALUE} for rates and levels
 */
public record RankingView(String indicatorCode, String indicatorName, String unit, int year, String period,
                          String parent, String basis, int total, List<Item> items) {

    public record Item(Integer rank, String orgUnitCode, String orgUnitName, long targetId, BigDecimal value,
                       Double completionRatio, Colour colour, boolean firstTier) {
    }
}
