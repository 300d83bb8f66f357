package org.kpi.task.tasks;

/** Where a task stands in its lifecycle. */
public enum TaskStatus {
    DRAFT("草稿"),
    ASSIGNED("已交办"),
    IN_PROGRESS("办理中"),
    CLOSURE_REQUESTED("申请办结"),
    CLOSED("已销号"),
    CANCELLED("已撤销");

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
