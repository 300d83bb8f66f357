package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reminder is about. */
@Schema(description = "提醒事项：TASK 任务（到期，或退回、申请办结、销号的通知）、MILESTONE 节点到期、"
        + "REPORT 定期进展未填报、ACTUAL 指标实绩（未报送，或退回的通知）、ORDER 督办单（反馈时限，或下达的通知）、"
        + "ACCOUNTABILITY 问责记录的通知、SIGN_FOR 任务未签收、ASSESSMENT 考核结果与申诉的通知、DOCUMENT 印发的文件"
        + "（周调度清单、督查通报、季度分析） · What is reminded or notified: a task, a milestone, a missing periodic "
        + "report, an actual, a supervision order, an accountability record, a task not signed for, an assessment or "
        + "an appeal, an issued document")
public enum SubjectType {
    TASK,
    MILESTONE,
    REPORT,
    ACTUAL,
    ORDER,
    ACCOUNTABILITY,
    SIGN_FOR,
    ASSESSMENT,
    DOCUMENT
}
