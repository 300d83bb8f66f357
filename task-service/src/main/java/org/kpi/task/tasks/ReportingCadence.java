package org.kpi.task.tasks;

/** How often the units report on a task: not at all, weekly (周调度) or monthly (月汇总). */
public enum ReportingCadence {
    NONE("不调度"),
    WEEKLY("周调度"),
    MONTHLY("月汇总");

    private final String label;

    ReportingCadence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
