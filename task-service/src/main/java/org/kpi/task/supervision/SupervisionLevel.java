package org.kpi.task.supervision;

/** How hard a supervision order presses: 提醒, 催办, 督办, 挂牌督办. */
public enum SupervisionLevel {
    NOTICE("提醒"),
    URGE("催办"),
    SUPERVISE("督办"),
    LISTED("挂牌督办");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
