package org.kpi.goals.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/weekly}: the weekly dispatch list (周调度清单) of an org unit, as of
 * the week's last day (or today, while the week runs).
 */
@Schema(description = "周调度清单：未来两周到期、逾期、本周未按期完成的节点、本周未报进展的单位、本周新下督办单 · "
        + "The weekly dispatch list")
public record WeeklyView(String orgUnitCode, String orgUnitName, String week, String label, LocalDate from,
                         LocalDate to, LocalDate asOf, Summary summary, List<DueItem> dueSoon,
                         List<OverdueItem> overdue, List<MissedMilestone> missedMilestones,
                         List<UnreportedUnit> unreported, List<NewOrder> newOrders) {

    /** The counts a reader sees first. */
    @Schema(name = "WeeklySummary", description = "本周概况 · The week's counts")
    public record Summary(int running, int dueSoon, int overdue, int missedMilestones, int unreportedUnits,
                          int newOrders) {
    }

    /** A task, or a milestone of it, due on {@code asOf} (daysLeft 0) or within the two weeks after it. */
    @Schema(name = "WeeklyDueItem", description = "未来两周到期的任务或节点 · Due in the coming two weeks")
    public record DueItem(long taskId, String title, String leadUnitCode, String leadUnitName,
                          @Schema(nullable = true, description = "节点名称；为空时是任务本身到期") String milestone,
                          LocalDate dueDate, long daysLeft) {
    }

    /** A running task past its next due date. */
    @Schema(name = "WeeklyOverdueItem", description = "逾期任务 · A task past its next due date")
    public record OverdueItem(long taskId, String title, String leadUnitCode, String leadUnitName,
                              @Schema(nullable = true, description = "逾期的节点；为空时是任务本身逾期") String milestone,
                              LocalDate dueDate, long daysLate) {
    }

    /** A milestone due this week and not completed by its date. */
    @Schema(name = "WeeklyMissedMilestone", description = "本周到期未按期完成的节点 · A milestone missed this week")
    public record MissedMilestone(long taskId, String taskTitle, String leadUnitCode, String leadUnitName,
                                  String milestone, LocalDate dueDate,
                                  @Schema(nullable = true, description = "逾期后完成的日期") LocalDate completedOn) {
    }

    /** A unit that owes this week's report on one or more weekly-dispatched tasks. */
    @Schema(name = "WeeklyUnreportedUnit", description = "本周未报进展的单位 · A unit that has not reported this week")
    public record UnreportedUnit(String unitCode, String unitName, List<UnreportedTask> tasks) {
    }

    @Schema(name = "WeeklyUnreportedTask", description = "未报进展的任务 · A task without this week's report")
    public record UnreportedTask(long taskId, String title,
                                 @Schema(description = "LEAD 牵头 / CO 配合") String role) {
    }

    /** A supervision order issued this week. */
    @Schema(name = "WeeklyNewOrder", description = "本周新下督办单 · A supervision order issued this week")
    public record NewOrder(long orderId, long taskId, String taskTitle, String leadUnitCode, String leadUnitName,
                           String level, LocalDate issuedOn, LocalDate respondBy,
                           @Schema(nullable = true) LocalDate respondedOn) {
    }
}
