package org.kpi.task.ledger;

/**
 * The columns of the task ledger (台账), in export order. An import finds columns by their
 * header text, so their order does not matter there; columns marked {@code exportOnly} are
 * ignored on import. A row with a 任务编号 and its 版本 updates that task; a row without creates one.
 */
public enum LedgerColumn {
    ID("任务编号", false, 10),
    TITLE("任务名称", false, 40),
    DESCRIPTION("任务描述", false, 40),
    CATEGORY("类别", false, 10),
    SOURCE("来源", false, 14),
    ORG_UNIT("所属单位代码", false, 14),
    LEAD_UNIT("牵头单位代码", false, 16),
    LEAD_UNIT_NAME("牵头单位", true, 20),
    CO_UNITS("配合单位代码", false, 30),
    RESPONSIBLE_LEADER("责任领导", false, 12),
    START_DATE("开始日期", false, 12),
    DUE_DATE("完成时限", false, 12),
    CADENCE("调度频次", false, 10),
    QUANTITY("目标数量", false, 10),
    QUANTITY_UNIT("计量单位", false, 10),
    MILESTONES("节点（名称@日期；…）", false, 40),
    TARGET_ID("关联目标", false, 12),
    STATUS("状态", true, 10),
    COLOUR("颜色", true, 6),
    OVERDUE("是否逾期", true, 8),
    PERCENT_DONE("完成进度%", true, 10),
    QUANTITY_REACHED("已完成数量", true, 10),
    /** The task's version when exported: an import refuses the row if the task changed since. */
    VERSION("版本", false, 6);

    private final String header;
    private final boolean exportOnly;
    private final int width;

    LedgerColumn(String header, boolean exportOnly, int width) {
        this.header = header;
        this.exportOnly = exportOnly;
        this.width = width;
    }

    public String header() {
        return header;
    }

    public boolean exportOnly() {
        return exportOnly;
    }

    /** Column width in characters. */
    public int width() {
        return width;
    }

    /** The column a header names, if any (surrounding blanks and a trailing * ignored). */
    public static LedgerColumn byHeader(String text) {
        if (text == null) {
            return null;
        }
        String normalised = text.trim().replaceAll("\\*$", "").trim();
        for (LedgerColumn column : values()) {
            if (column.header.equals(normalised)) {
                return column;
            }
        }
        return null;
    }
}
