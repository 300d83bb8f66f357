package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.notify.policies.NotifyParty;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A reminder (提醒记录) as the API shows it: one step of a ladder, or one notice of an event, for one
 * recipient unit.
 */
@Schema(name = "Reminder", description = "提醒记录：某事项升级阶梯中的一步，或一个事件的通知，发给一个接收单位 · "
        + "A reminder: one step of a subject's ladder, or one notice of an event, for one recipient unit")
public record ReminderView(
        @Schema(description = "提醒编号 · Reminder id") long id,
        SubjectType subjectType,
        @Schema(description = "事项编号：任务、节点、年度目标、督办单、问责记录或印发文件的编号（REPORT 为任务编号） · "
                + "Id of the task, milestone, target, supervision order, accountability record or issued document "
                + "(the task for REPORT)") long subjectId,
        @Schema(description = "事项内的区分键：任务、节点和督办单为空字符串；定期进展为“单位|周期”，如 D1-L|2026-W47；"
                + "实绩为期间，如 2026-10；事件通知为“事件类型#序号”，如 task.returned#812 · Key within the subject: "
                + "empty for tasks, milestones and orders, 'unit|period' for a report, the period for an actual, "
                + "'event type#seq' for a notice") String subjectKey,
        @Schema(description = "事项名称 · What it is about") String title,
        @Schema(description = "接收单位代码 · The recipient unit") String orgUnitCode,
        NotifyParty party,
        ReminderKind kind,
        @Schema(description = "相对到期日的天数：负数为到期前，正数为逾期后；事件通知为 0 · Days from the due date: "
                + "negative before, positive after; 0 for a notice") int offsetDays,
        @Schema(description = "到期日（督办单为反馈时限）；事件通知为事件发生的日期 · Due date (an order's respond-by "
                + "date); for a notice the day the event happened") LocalDate dueDate,
        ReminderStatus status,
        @Schema(description = "创建时间 · When it was created") OffsetDateTime createdAt) {
}
