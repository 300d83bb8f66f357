package org.kpi.target.dashboard;

import org.kpi.target.progress.Colour;
import org.kpi.target.progress.ProgressView;

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

    /** One target and its progress. */
    public record Item(long targetId, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                       String responsibleUnitCode, ProgressView progress, Boolean halfYearMet) {
    }

    /**
     * 时间过半、任务过半: of the targets with June (or Q2) approved, how many were on schedule there.
     *
     * @param passed every target reported June and every one was on schedule
     */
    public record HalfYearCheck(int reported, int met, int missed, int notReported, boolean passed) {
    }
}
