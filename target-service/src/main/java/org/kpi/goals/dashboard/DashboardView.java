package org.kpi.goals.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard}: what a leader sees first.
 *
 * @param counts   targets per colour (all three keys always present)
 * @param halfYear the half-year check, null until any target has its June period approved
 */
@Schema(description = "驾驶舱：一个单位及其下级的三色统计、每个目标的进度与双过半检查 · "
        + "A unit's dashboard: colour counts, each target's progress and the half-year check")
public record DashboardView(String orgUnit, String orgUnitName, int year, LocalDate asOf, int total,
                            Map<Colour, Integer> counts,
                            @Schema(nullable = true) HalfYearCheck halfYear,
                            List<Item> targets) {

    /**
     * One target and its progress (the fields of {@code GET /api/v1/targets/{id}/progress}, flattened);
     * {@code halfYearMet} is null while the target has no June (or Q2) period approved.
     */
    @Schema(name = "DashboardTarget", description = "驾驶舱中的一个目标及其进度 · One target on the dashboard")
    public record Item(long targetId, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                       String responsibleUnitCode,
                       @Schema(nullable = true) String latestPeriod,
                       @Schema(nullable = true) BigDecimal actual,
                       BigDecimal committedValue,
                       @Schema(nullable = true) BigDecimal stretchValue,
                       @Schema(nullable = true) Double completionRatio,
                       Double expectedRatio, Colour colour, boolean stretchReached, boolean actualsOverdue,
                       @Schema(nullable = true) Boolean halfYearMet) {

        static Item of(long targetId, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                       String responsibleUnitCode, ProgressView p, Boolean halfYearMet) {
            return new Item(targetId, indicatorCode, indicatorName, unit, orgUnitCode, responsibleUnitCode,
                    p.latestPeriod(), p.actual(), p.committedValue(), p.stretchValue(), p.completionRatio(),
                    p.expectedRatio(), p.colour(), p.stretchReached(), p.actualsOverdue(), halfYearMet);
        }
    }

    /**
     * 时间过半、任务过半: of the targets with June (or Q2) approved, how many were on schedule there.
     *
     * @param passed every target reported June and every one was on schedule
     */
    @Schema(name = "HalfYearCheck", nullable = true,
            description = "双过半检查；还没有任何目标的 6 月（二季度）实绩审核通过时为 null · "
                    + "The half-year check; null until any target has June (Q2) approved")
    public record HalfYearCheck(int reported, int met, int missed, int notReported, boolean passed) {
    }
}
