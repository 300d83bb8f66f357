package org.kpi.goals.reports;

import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;
import java.util.Map;

/**
 * The weekly dispatch list as a workbook (周调度清单.xlsx): an overview sheet, then one sheet per
 * list, each row a task, milestone, unit or order with the figures of {@link WeeklyView}.
 */
final class WeeklyWorkbook {

    static final String OVERVIEW = "概况";
    static final String DUE_SOON = "未来两周到期";
    static final String OVERDUE = "逾期任务";
    static final String MISSED = "未按期完成节点";
    static final String UNREPORTED = "本周未报进展";
    static final String ORDERS = "本周新下督办单";
    static final Map<String, String> LEVELS = Map.of("NOTICE", "提醒", "URGE", "催办", "SUPERVISE", "督办",
            "LISTED", "挂牌督办");

    private WeeklyWorkbook() {
    }

    static byte[] write(WeeklyView w) {
        try (Sheets sheets = new Sheets()) {
            String heading = w.orgUnitName() + "重点工作周调度清单（" + w.label() + "）";
            Sheet overview = sheets.sheet(OVERVIEW, heading, List.of("项目", "数量"), new int[]{36, 12});
            WeeklyView.Summary s = w.summary();
            sheets.row(overview, "在办任务", s.running());
            sheets.row(overview, "未来两周到期（任务或节点）", s.dueSoon());
            sheets.row(overview, "逾期任务", s.overdue());
            sheets.row(overview, "本周未按期完成的节点", s.missedMilestones());
            sheets.row(overview, "本周未报进展的单位", s.unreportedUnits());
            sheets.row(overview, "本周新下督办单", s.newOrders());
            sheets.row(overview, "统计截至", w.asOf());

            Sheet due = sheets.sheet(DUE_SOON, heading + " · 未来两周到期", List.of("任务编号", "任务", "节点", "牵头单位",
                    "到期日", "剩余天数"), new int[]{10, 44, 24, 22, 12, 10});
            w.dueSoon().forEach(d -> sheets.row(due, d.taskId(), d.title(), d.milestone() == null ? "（任务办结）"
                    : d.milestone(), d.leadUnitName(), d.dueDate(), d.daysLeft()));

            Sheet late = sheets.sheet(OVERDUE, heading + " · 逾期任务", List.of("任务编号", "任务", "逾期节点", "牵头单位",
                    "应完成日期", "逾期天数"), new int[]{10, 44, 24, 22, 12, 10});
            w.overdue().forEach(o -> sheets.row(late, o.taskId(), o.title(), o.milestone() == null ? "（任务办结）"
                    : o.milestone(), o.leadUnitName(), o.dueDate(), o.daysLate()));

            Sheet missed = sheets.sheet(MISSED, heading + " · 本周未按期完成的节点", List.of("任务编号", "任务", "节点",
                    "牵头单位", "节点日期", "实际完成"), new int[]{10, 44, 24, 22, 12, 12});
            w.missedMilestones().forEach(m -> sheets.row(missed, m.taskId(), m.taskTitle(), m.milestone(),
                    m.leadUnitName(), m.dueDate(), m.completedOn() == null ? "未完成" : m.completedOn().toString()));

            Sheet unreported = sheets.sheet(UNREPORTED, heading + " · 本周未报进展", List.of("单位", "任务编号", "任务",
                    "角色"), new int[]{24, 10, 50, 8});
            w.unreported().forEach(u -> u.tasks().forEach(t -> sheets.row(unreported, u.unitName(), t.taskId(),
                    t.title(), "LEAD".equals(t.role()) ? "牵头" : "配合")));

            Sheet orders = sheets.sheet(ORDERS, heading + " · 本周新下督办单", List.of("督办单编号", "任务", "牵头单位",
                    "级别", "下达日期", "反馈期限", "反馈日期"), new int[]{12, 44, 22, 10, 12, 12, 12});
            w.newOrders().forEach(o -> sheets.row(orders, o.orderId(), o.taskTitle(), o.leadUnitName(),
                    LEVELS.getOrDefault(o.level(), o.level()), o.issuedOn(), o.respondBy(),
                    o.respondedOn() == null ? "未反馈" : o.respondedOn().toString()));
            return sheets.bytes();
        }
    }
}
