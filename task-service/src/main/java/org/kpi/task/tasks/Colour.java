package org.kpi.task.tasks;

/** 蓝黄红三色管理: on track, at risk or slightly late, seriously late. */
public enum Colour {
    BLUE("蓝"),
    YELLOW("黄"),
    RED("红");

    private final String label;

    Colour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
