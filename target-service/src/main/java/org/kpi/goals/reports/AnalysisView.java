package org.kpi.goals.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/quarterly-analysis}: the quarterly analysis (季度分析) of an org unit
 * for the leaders' meeting — each target's progress period by period against the time-elapsed
 * line, its rank among peers, and the tasks behind the red ones — as of the quarter's last day (or
 * today, while the quarter runs).
 *
 * @param timeElapsed the share of the year gone by on {@code asOf} (序时进度 of a straight-line plan)
 */
@Schema(description = "季度分析：各指标序时进度对比、同级排名、红色指标背后的任务 · The quarterly analysis")
public record AnalysisView(String orgUnitCode, String orgUnitName, String quarter, String label, LocalDate from,
                           LocalDate to, LocalDate asOf, String title, double timeElapsed, String summary,
                           BulletinView.TargetFigures targets, QuarterTasks tasks, List<IndicatorAnalysis> indicators,
                           List<Driver> drivers) {

    /** The tasks of the unit's subtree on {@code asOf}. */
    @Schema(name = "AnalysisTasks", description = "任务情况 · Tasks")
    public record QuarterTasks(int total, int onSchedule, int overdue, int closedInQuarter, int closed) {
    }

    /** One target: where it stands, its periods, its rank among peers. */
    @Schema(name = "AnalysisIndicator", description = "一个指标的运行情况 · One target's progress")
    public record IndicatorAnalysis(long targetId, String indicatorCode, String indicatorName, String unit,
                                    String orgUnitCode, String responsibleUnitCode, String responsibleUnitName,
                                    BigDecimal committedValue,
                                    @Schema(nullable = true) BigDecimal actual,
                                    @Schema(nullable = true) Double completionRatio, Double expectedRatio,
                                    Colour colour, List<Point> series,
                                    @Schema(nullable = true, description = "同级排名；单位没有上级或同级时为 null")
                                    PeerStanding peers,
                                    @Schema(description = "关联到该目标的任务") List<Long> taskIds) {
    }

    /** A period of the year up to the quarter's end: the approved actual then, and the time-elapsed line. */
    @Schema(name = "AnalysisPoint", description = "一个期次的完成进度与序时进度 · A period's progress and the expected line")
    public record Point(String period,
                        @Schema(nullable = true) BigDecimal actual,
                        @Schema(nullable = true) Double completionRatio, Double expectedRatio) {
    }

    /** Where the unit stands among its peers on the indicator. */
    @Schema(name = "AnalysisPeerStanding", description = "同级排名 · The rank among peers")
    public record PeerStanding(@Schema(nullable = true) String period,
                               @Schema(nullable = true, description = "名次；没有实绩时为 null") Integer rank,
                               int of, boolean firstTier,
                               @Schema(description = "排名前三的单位") List<String> leaders) {
    }

    /** A task that drives a red item: linked to a red target, or an overdue task of a unit answering for one. */
    @Schema(name = "AnalysisDriver", description = "红色指标背后的任务 · A task behind a red target")
    public record Driver(long taskId, String title, String leadUnitCode, String leadUnitName, String status,
                         LocalDate dueDate, long daysLate, long targetId, String indicatorName,
                         @Schema(enumeration = {"LINKED", "OVERDUE_AT_RESPONSIBLE_UNIT"}) String why) {
    }
}
