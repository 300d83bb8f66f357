package org.kpi.task.instructions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an instruction stands, derived from its tasks. */
@Schema(description = "批示件办理状态：PENDING 尚未分解任务、IN_PROGRESS 办理中、DONE 已办结（任务均已销号或撤销，至少一项销号） · "
        + "No task yet, in progress, or done (every task closed or cancelled, at least one closed)")
public enum InstructionStatus {
    PENDING,
    IN_PROGRESS,
    DONE
}
