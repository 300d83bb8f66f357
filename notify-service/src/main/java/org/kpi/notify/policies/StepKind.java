package org.kpi.notify.policies;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How loud a ladder step is (提醒、催办、黄牌、红牌). */
@Schema(description = "步骤类型：NOTICE 提醒、URGE 催办、YELLOW 黄色预警、RED 红色预警 · Step kind")
public enum StepKind {
    NOTICE("提醒"),
    URGE("催办"),
    YELLOW("黄色预警"),
    RED("红色预警");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    /** The Chinese word a message leads with. */
    public String label() {
        return label;
    }
}
