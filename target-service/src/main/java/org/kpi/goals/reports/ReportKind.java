package org.kpi.goals.reports;

/** The cadence documents (周调度 · 月通报 · 季分析). */
public enum ReportKind {
    WEEKLY("周调度清单"),
    MONTHLY("督查通报"),
    QUARTERLY("季度分析");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
