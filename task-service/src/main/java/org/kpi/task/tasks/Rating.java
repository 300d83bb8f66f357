package org.kpi.task.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The assigning office's rating of a task's result on closure (满意度). */
@Schema(description = "满意度：SATISFIED 满意、BASICALLY_SATISFIED 基本满意、UNSATISFIED 不满意（不能销号，任务退回） · "
        + "Satisfaction with the result; UNSATISFIED returns the task instead of closing it")
public enum Rating {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
