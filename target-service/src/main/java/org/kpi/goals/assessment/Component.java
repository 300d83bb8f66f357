package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A kind of component of a rulebook: what facts it scores and how. */
@Schema(description = "考核项：TARGET_COMPLETION 目标完成（按颜色或完成率，每个指标一行）、STRETCH_BONUS 力争目标加分、"
        + "TASK_ON_TIME 任务按期办结率、OVERDUE_DAYS 任务逾期天数扣分、SUPERVISION_ORDERS 被下发督办单（按级别）、"
        + "LATE_RESPONSES 督办单逾期反馈、ACCOUNTABILITY 问责（按方式）、SATISFACTION 办结满意度、ADJUSTMENTS 督查人员的"
        + "加减分 · What a component scores")
public enum Component {
    TARGET_COMPLETION("目标完成"),
    STRETCH_BONUS("力争目标"),
    TASK_ON_TIME("任务按期办结"),
    OVERDUE_DAYS("任务逾期"),
    SUPERVISION_ORDERS("被督办"),
    LATE_RESPONSES("督办反馈逾期"),
    ACCOUNTABILITY("问责"),
    SATISFACTION("满意度"),
    ADJUSTMENTS("加减分");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
