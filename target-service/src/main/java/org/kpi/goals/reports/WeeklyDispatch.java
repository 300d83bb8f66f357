package org.kpi.goals.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the weekly dispatch list from the facts: a pure function, so that tests and the benchmark can call it. */
final class WeeklyDispatch {

    /** How far ahead the list looks for what falls due (from the list's own day, which is included). */
    static final int HORIZON_DAYS = 14;

    private WeeklyDispatch() {
    }

    /**
     * @param lastReports the last day each unit reported on each task in the week ("taskId|unit" → day)
     * @param orders      the supervision orders issued in the week
     */
    static WeeklyView build(String orgUnitCode, Map<String, String> names, ReportPeriod week, LocalDate asOf,
                            List<TaskFact> tasks, Map<String, LocalDate> lastReports,
                            List<DocumentFacts.OrderFact> orders) {
        List<WeeklyView.DueItem> dueSoon = new ArrayList<>();
        List<WeeklyView.OverdueItem> overdue = new ArrayList<>();
        List<WeeklyView.MissedMilestone> missed = new ArrayList<>();
        Map<String, List<WeeklyView.UnreportedTask>> unreported = new LinkedHashMap<>();
        LocalDate horizon = asOf.plusDays(HORIZON_DAYS);
        int running = 0;
        for (TaskFact task : tasks) {
            if (!task.handedOutBy(asOf)) {
                continue;
            }
            String lead = task.leadUnitCode();
            for (TaskFact.Milestone m : task.milestones()) {
                if (m.dueDate() != null && !m.dueDate().isBefore(week.from()) && m.dueDate().isBefore(asOf)
                        && (!m.completedBy(asOf) || m.completedOn() != null && m.completedOn().isAfter(m.dueDate()))) {
                    missed.add(new WeeklyView.MissedMilestone(task.id(), task.title(), lead, name(names, lead), m.title(),
                            m.dueDate(), m.completedBy(asOf) ? m.completedOn() : null));
                }
            }
            if (!task.runningOn(asOf)) {
                continue;
            }
            running++;
            long late = task.daysLate(asOf);
            if (late > 0) {
                overdue.add(new WeeklyView.OverdueItem(task.id(), task.title(), lead, name(names, lead),
                        task.nextMilestoneOn(asOf), task.nextDueOn(asOf), late));
            }
            for (TaskFact.Milestone m : task.milestones()) {
                if (m.dueDate() != null && !m.completedBy(asOf) && !m.dueDate().isBefore(asOf)
                        && !m.dueDate().isAfter(horizon)) {
                    dueSoon.add(new WeeklyView.DueItem(task.id(), task.title(), lead, name(names, lead), m.title(),
                            m.dueDate(), ChronoUnit.DAYS.between(asOf, m.dueDate())));
                }
            }
            if (!task.dueDate().isBefore(asOf) && !task.dueDate().isAfter(horizon)) {
                dueSoon.add(new WeeklyView.DueItem(task.id(), task.title(), lead, name(names, lead), null,
                        task.dueDate(), ChronoUnit.DAYS.between(asOf, task.dueDate())));
            }
            if ("WEEKLY".equals(task.cadence()) && (task.startDate() == null || !task.startDate().isAfter(asOf))) {
                for (String unit : task.units()) {
                    if (!lastReports.containsKey(task.id() + "|" + unit)) {
                        unreported.computeIfAbsent(unit, u -> new ArrayList<>()).add(new WeeklyView.UnreportedTask(
                                task.id(), task.title(), unit.equals(lead) ? "LEAD" : "CO"));
                    }
                }
            }
        }
        dueSoon.sort(Comparator.comparing(WeeklyView.DueItem::dueDate).thenComparing(WeeklyView.DueItem::taskId));
        overdue.sort(Comparator.comparingLong(WeeklyView.OverdueItem::daysLate).reversed()
                .thenComparing(WeeklyView.OverdueItem::taskId));
        missed.sort(Comparator.comparing(WeeklyView.MissedMilestone::dueDate)
                .thenComparing(WeeklyView.MissedMilestone::taskId));
        List<WeeklyView.UnreportedUnit> units = unreported.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<WeeklyView.UnreportedTask>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new WeeklyView.UnreportedUnit(e.getKey(), name(names, e.getKey()), e.getValue()))
                .toList();
        List<WeeklyView.NewOrder> newOrders = orders.stream()
                .filter(o -> !o.issuedOn().isAfter(asOf))
                .map(o -> new WeeklyView.NewOrder(o.id(), o.taskId(), o.taskTitle(), o.leadUnitCode(),
                        name(names, o.leadUnitCode()), o.level(), o.issuedOn(), o.respondBy(),
                        o.respondedOn() != null && !o.respondedOn().isAfter(asOf) ? o.respondedOn() : null))
                .toList();
        return new WeeklyView(orgUnitCode, name(names, orgUnitCode), week.key(), week.label(), week.from(), week.to(),
                asOf, new WeeklyView.Summary(running, dueSoon.size(), overdue.size(), missed.size(), units.size(),
                newOrders.size()), dueSoon, overdue, missed, units, newOrders);
    }

    static String name(Map<String, String> names, String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }
}
