package org.kpi.goals.rankings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/rankings}: peers ranked on one indicator and period.
 *
 * @param period null when no peer has an approved actual yet
 * @param basis  {@code COMPLETION_RATIO} for cumulative indicators (units have different
 *               targets), {@code VALUE} for rates and levels
 */
@Schema(description = "同级单位在一个指标与期次上的排名 · Peers ranked on one indicator and period")
public record RankingView(String indicatorCode, String indicatorName, String unit, int year,
                          @Schema(nullable = true) String period,
                          String parent, String basis, int total, List<Item> items) {

    /**
     * One peer's place; rank, value, ratio and colour are null for a peer without an actual, and
     * value, ratio, colour and target for a peer outside the caller's scope (peersOf).
     */
    @Schema(name = "RankingEntry", description = "一个单位的名次 · One unit's place")
    public record Item(@Schema(nullable = true) Integer rank, String orgUnitCode, String orgUnitName,
                       @Schema(nullable = true, description = "目标 ID；按 peersOf 排名时，范围外的单位为 null · "
                               + "Target id; null for a peer outside the caller's scope (peersOf)")
                       Long targetId,
                       @Schema(nullable = true) BigDecimal value,
                       @Schema(nullable = true) Double completionRatio,
                       @Schema(nullable = true, implementation = String.class, enumeration = {"BLUE", "YELLOW", "RED"},
                               description = "颜色；没有实绩时为 null · Colour, null without an actual")
                       Colour colour,
                       boolean firstTier) {
    }
}
