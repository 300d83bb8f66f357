package org.kpi.task.accountability;

/** Kinds of accountability (问责): 约谈, 通报批评, 诫勉, 问责. */
public enum AccountabilityKind {
    TALK("约谈"),
    NOTICE_CRITICISM("通报批评"),
    ADMONITION("诫勉"),
    ACCOUNTABILITY("问责");

    private final String label;

    AccountabilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
