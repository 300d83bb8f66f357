package org.kpi.goals.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.goals.dashboard.DashboardView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/monthly-bulletin}: the monthly supervision bulletin (督查通报) of an
 * org unit — the figures the Word document prints, as of the month's last day (or today, while
 * the month runs).
 *
 * @param ranking     {@code ASSESSMENT} when the departments are ranked by the unit's assessment
 *                    (考核) totals of the year so far, {@code TASKS} when it has no rulebook and they
 *                    are ranked by overdue tasks, red targets and closures
 * @param halfYear    the half-year check (时间过半、任务过半), from the June bulletin on; null before
 *                    or while no target has June approved
 */
@Schema(description = "月度督查通报：总体情况、表扬与通报的单位、各单位推进情况、逾期任务与红色目标 · The monthly bulletin")
public record BulletinView(String orgUnitCode, String orgUnitName, String month, String label, LocalDate from,
                           LocalDate to, LocalDate asOf, String title, String number, String issuer,
                           LocalDate issuedOn, String summary, TaskFigures tasks, TargetFigures targets,
                           @Schema(nullable = true) DashboardView.HalfYearCheck halfYear,
                           @Schema(enumeration = {"ASSESSMENT", "TASKS"}) String ranking, String rankingBasis,
                           List<UnitRow> units, List<Praised> praised, List<Named> named,
                           List<OverdueTask> overdueTasks, List<RedTarget> redTargets) {

    /** The tasks of the unit's subtree on {@code asOf}. */
    @Schema(name = "BulletinTaskFigures", description = "任务情况 · Tasks")
    public record TaskFigures(
            @Schema(description = "已交办、未撤销的任务 · Handed out, not cancelled") int total,
            @Schema(description = "在办且未逾期 · Running and not overdue") int onSchedule,
            @Schema(description = "在办且逾期 · Running and overdue") int overdue,
            @Schema(description = "本月办结 · Closed in the month") int closedThisMonth,
            @Schema(description = "累计办结 · Closed by asOf") int closed,
            @Schema(description = "本月新交办 · Handed out in the month") int newThisMonth) {
    }

    /** The targets its dashboard counts, by colour on {@code asOf}. */
    @Schema(name = "BulletinTargetFigures", description = "目标情况 · Targets by colour")
    public record TargetFigures(int total, int blue, int yellow, int red) {
    }

    /** A department's line in the table of units (各单位推进情况), in ranking order. */
    @Schema(name = "BulletinUnitRow", description = "各单位推进情况 · A department's figures and rank")
    public record UnitRow(int rank, String unitCode, String unitName, int tasks, int onSchedule, int overdue,
                          int closedThisMonth, int redTargets,
                          @Schema(nullable = true, description = "考核得分（按考核排名时）") BigDecimal score) {
    }

    @Schema(name = "BulletinPraised", description = "表扬的单位 · A unit praised")
    public record Praised(String unitCode, String unitName, String reason) {
    }

    @Schema(name = "BulletinNamed", description = "通报的单位 · A unit named for overdue tasks or red targets")
    public record Named(String unitCode, String unitName, int overdueTasks, int redTargets, String reason) {
    }

    @Schema(name = "BulletinOverdueTask", description = "逾期任务 · An overdue task")
    public record OverdueTask(long taskId, String title, String leadUnitCode, String leadUnitName,
                              @Schema(nullable = true) String milestone, LocalDate dueDate, long daysLate) {
    }

    @Schema(name = "BulletinRedTarget", description = "红色目标 · A red target")
    public record RedTarget(long targetId, String indicatorName, String unit, String orgUnitCode,
                            String responsibleUnitCode, String responsibleUnitName, BigDecimal committedValue,
                            @Schema(nullable = true) BigDecimal actual,
                            @Schema(nullable = true) Double completionRatio, Double expectedRatio) {
    }
}
