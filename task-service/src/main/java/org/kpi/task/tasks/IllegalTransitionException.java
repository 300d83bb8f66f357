package org.kpi.task.tasks;

import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;

/** A 409 problem naming the action and the state it was tried in. */
public class IllegalTransitionException extends ProblemException {

    private final TaskAction action;
    private final TaskStatus status;

    public IllegalTransitionException(TaskAction action, TaskStatus status) {
        super(ProblemKind.ILLEGAL_TRANSITION, "任务处于 " + status + "（" + status.label() + "）状态，不能执行 "
                + action + "（" + action.label() + "）");
        this.action = action;
        this.status = status;
    }

    public TaskAction action() {
        return action;
    }

    public TaskStatus status() {
        return status;
    }
}
