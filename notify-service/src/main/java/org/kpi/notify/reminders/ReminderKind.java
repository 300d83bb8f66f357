package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.notify.policies.StepKind;

/**
 * What kind of message a reminder is: a step of a ladder (the {@link StepKind}s) or a notice (通知)
 * of something that happened on a producer's feed.
 */
@Schema(description = "提醒类型：升级阶梯的步骤 NOTICE 提醒、URGE 催办、YELLOW 黄色预警、RED 红色预警；"
        + "事件通知 ORDER_ISSUED 督办单下达、TASK_RETURNED 任务退回、CLOSURE_REQUESTED 申请办结、"
        + "TASK_CLOSED 任务销号、ACTUAL_RETURNED 实绩退回、ACCOUNTABILITY_RECORDED 问责记录、"
        + "REASSIGNMENT_REQUESTED 申请改派、REASSIGNMENT_DECIDED 改派审核结果、ASSESSMENT_PUBLISHED 考核结果公布、"
        + "APPEAL_FILED 考核申诉、APPEAL_DECIDED 申诉结果、REPORT_ISSUED 文件印发（周调度清单、督查通报、季度分析） · "
        + "A ladder step's kind, or the kind of notice of an event")
public enum ReminderKind {
    NOTICE,
    URGE,
    YELLOW,
    RED,
    ORDER_ISSUED,
    TASK_RETURNED,
    CLOSURE_REQUESTED,
    TASK_CLOSED,
    ACTUAL_RETURNED,
    ACCOUNTABILITY_RECORDED,
    REASSIGNMENT_REQUESTED,
    REASSIGNMENT_DECIDED,
    ASSESSMENT_PUBLISHED,
    APPEAL_FILED,
    APPEAL_DECIDED,
    REPORT_ISSUED;

    /** Whether this is a notice of an event rather than a ladder step. */
    public boolean isNotice() {
        return ordinal() > RED.ordinal();
    }
}
