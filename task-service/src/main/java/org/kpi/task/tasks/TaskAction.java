package org.kpi.task.tasks;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to a task, from which states, and where it leads. {@code null} as target
 * keeps the state.
 */
public enum TaskAction {
    EDIT("修改", null, EnumSet.of(TaskStatus.DRAFT, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    ASSIGN("交办", TaskStatus.ASSIGNED, EnumSet.of(TaskStatus.DRAFT)),
    SIGN_FOR("签收", null, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    REQUEST_REASSIGNMENT("申请改派", null, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    DECIDE_REASSIGNMENT("审核改派申请", null, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    REPORT("填报进展", TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    COMPLETE_MILESTONE("完成节点", null, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)),
    REQUEST_CLOSURE("申请办结", TaskStatus.CLOSURE_REQUESTED, EnumSet.of(TaskStatus.IN_PROGRESS)),
    CLOSE("销号", TaskStatus.CLOSED, EnumSet.of(TaskStatus.CLOSURE_REQUESTED)),
    RETURN("退回", TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.CLOSURE_REQUESTED)),
    REOPEN("重新打开", TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.CLOSED)),
    CANCEL("撤销", TaskStatus.CANCELLED, EnumSet.of(TaskStatus.DRAFT, TaskStatus.ASSIGNED,
            TaskStatus.IN_PROGRESS, TaskStatus.CLOSURE_REQUESTED)),
    ISSUE_ORDER("下发督办单", null, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.CLOSURE_REQUESTED));

    private final String label;
    private final TaskStatus target;
    private final Set<TaskStatus> from;

    TaskAction(String label, TaskStatus target, Set<TaskStatus> from) {
        this.label = label;
        this.target = target;
        this.from = from;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(TaskStatus status) {
        return from.contains(status);
    }

    /** The state after this action from {@code status}; throws if the action is illegal there. */
    public TaskStatus apply(TaskStatus status) {
        if (!allowedFrom(status)) {
            throw new IllegalTransitionException(this, status);
        }
        return target == null ? status : target;
    }
}
