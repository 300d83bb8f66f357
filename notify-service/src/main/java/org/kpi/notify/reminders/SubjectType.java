package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reminder is about. */
@Schema(description = "提醒事项：TASK 任务到期、MILESTONE 节点到期、REPORT 定期进展未填报、ACTUAL 指标实绩未报送 · "
        + "What is reminded: a task's or a milestone's due date, a missing periodic report, a missing actual")
public enum SubjectType {
    TASK,
    MILESTONE,
    REPORT,
    ACTUAL
}
