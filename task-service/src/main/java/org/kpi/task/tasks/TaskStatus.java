package org.kpi.task.tasks;

/** Where a task stands in its lifecycle. */
public enum TaskStatus {
    DRAFT("草稿"),
    ASSIGNED("已交办"),
    IN_PROGRESS("办理中"),
    CLOSURE_REQUESTED("申请办结"),
    CLOSED("已销号"),
    CANCELLED("已撤销");

    /** States in which an unanswered supervision order past its date still counts as overdue. */
    public static final java.util.Set<TaskStatus> AWAITING_RESPONSE =
            java.util.EnumSet.of(ASSIGNED, IN_PROGRESS, CLOSURE_REQUESTED);

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the task's dates still count: it has been handed out and nobody asked to close it. */
    public boolean isRunning() {
        return this == ASSIGNED || this == IN_PROGRESS;
    }
}
