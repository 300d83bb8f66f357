package org.kpi.goals.reports;

import org.kpi.goals.progress.Colour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the quarterly analysis from the facts: a pure function, for tests and the benchmark. */
final class QuarterlyAnalysis {

    private QuarterlyAnalysis() {
    }

    /** A target with what the analysis draws of it: its periods and its standing among peers. */
    record Drawn(TargetState state, List<AnalysisView.Point> series, AnalysisView.PeerStanding peers) {
    }

    static AnalysisView build(MonthlyBulletin.Unit unit, Map<String, String> names, ReportPeriod quarter,
                              LocalDate asOf, List<TaskFact> tasks, List<Drawn> targets) {
        int total = 0;
        int onSchedule = 0;
        int overdue = 0;
        int closedInQuarter = 0;
        int closed = 0;
        Map<Long, List<Long>> linked = new HashMap<>();
        for (TaskFact task : tasks) {
            if (!task.handedOutBy(asOf)) {
                continue;
            }
            total++;
            if (task.targetId() != null) {
                linked.computeIfAbsent(task.targetId(), k -> new ArrayList<>()).add(task.id());
            }
            if (task.closedBy(asOf)) {
                closed++;
                closedInQuarter += task.closedWithin(quarter.from(), asOf) ? 1 : 0;
            } else if (task.runningOn(asOf)) {
                if (task.overdueOn(asOf)) {
                    overdue++;
                } else {
                    onSchedule++;
                }
            }
        }
        Map<Colour, Integer> colours = new HashMap<>();
        List<AnalysisView.IndicatorAnalysis> indicators = new ArrayList<>();
        Map<Long, AnalysisView.Driver> drivers = new LinkedHashMap<>();
        for (Drawn d : targets) {
            TargetState t = d.state();
            colours.merge(t.colour(), 1, Integer::sum);
            indicators.add(new AnalysisView.IndicatorAnalysis(t.targetId(), t.indicatorCode(), t.indicatorName(),
                    t.unit(), t.orgUnitCode(), t.responsibleUnitCode(), WeeklyDispatch.name(names, t.responsibleUnitCode()),
                    t.committedValue(), t.actual(), t.completionRatio(), t.expectedRatio(), t.colour(), d.series(),
                    d.peers(), linked.getOrDefault(t.targetId(), List.of())));
        }
        // the tasks behind each red target: those linked to it, then the overdue tasks its unit leads
        for (Drawn d : targets) {
            TargetState t = d.state();
            if (t.colour() != Colour.RED) {
                continue;
            }
            for (TaskFact task : tasks) {
                boolean linkedToIt = t.targetId() == (task.targetId() == null ? -1 : task.targetId())
                        && task.handedOutBy(asOf) && !task.closedBy(asOf);
                boolean lateAtUnit = task.leadUnitCode().equals(t.responsibleUnitCode()) && task.overdueOn(asOf);
                if ((linkedToIt || lateAtUnit) && !drivers.containsKey(task.id())) {
                    drivers.put(task.id(), new AnalysisView.Driver(task.id(), task.title(), task.leadUnitCode(),
                            WeeklyDispatch.name(names, task.leadUnitCode()), task.status(), task.nextDueOn(asOf),
                            task.daysLate(asOf), t.targetId(), t.indicatorName(),
                            linkedToIt ? "LINKED" : "OVERDUE_AT_RESPONSIBLE_UNIT"));
                }
            }
        }
        List<AnalysisView.Driver> driverList = new ArrayList<>(drivers.values());
        driverList.sort(Comparator.comparing(AnalysisView.Driver::why).thenComparing(
                Comparator.comparingLong(AnalysisView.Driver::daysLate).reversed()).thenComparing(AnalysisView.Driver::taskId));
        BulletinView.TargetFigures figures = new BulletinView.TargetFigures(targets.size(),
                colours.getOrDefault(Colour.BLUE, 0), colours.getOrDefault(Colour.YELLOW, 0),
                colours.getOrDefault(Colour.RED, 0));
        double elapsed = Math.round(asOf.getDayOfYear() * 1000.0 / asOf.lengthOfYear()) / 1000.0;
        String label = quarter.label().replace(" ", "");
        String summary = "截至" + MonthlyBulletin.day(asOf) + "，时间进度" + Math.round(elapsed * 100) + "%。"
                + unit.whole() + "重点指标目标" + figures.total() + "个，其中蓝色" + figures.blue() + "个、黄色"
                + figures.yellow() + "个、红色" + figures.red() + "个；重点任务" + total + "项，按期推进" + onSchedule
                + "项、逾期" + overdue + "项，本季度办结" + closedInQuarter + "项、累计办结" + closed + "项。";
        return new AnalysisView(unit.code(), unit.name(), quarter.key(), label, quarter.from(), quarter.to(), asOf,
                unit.name() + label + "重点指标运行分析", elapsed, summary, figures,
                new AnalysisView.QuarterTasks(total, onSchedule, overdue, closedInQuarter, closed), indicators, driverList);
    }
}
