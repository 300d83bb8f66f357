package org.kpi.goals.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param halfYear the half-year check, present once any target has its June period approved
 */
public record DashboardView(String orgUnit, String orgUnitName, int year, LocalDate asOf, int total,
                            Map<Colour, Integer> counts, HalfYearCheck halfYear, List<Item> targets) {

    /** One target and its progress (the fields of {@code GET /api/v1/targets/{id}/progress}, flattened). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long targetId, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                       String responsibleUnitCode, String latestPeriod, BigDecimal actual, BigDecimal committedValue,
                       BigDecimal stretchValue, Double completionRatio, Double expectedRatio, Colour colour,
                       boolean stretchReached, boolean actualsOverdue, Boolean halfYearMet) {

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
    public record HalfYearCheck(int reported, int met, int missed, int notReported, boolean passed) {
    }
}
