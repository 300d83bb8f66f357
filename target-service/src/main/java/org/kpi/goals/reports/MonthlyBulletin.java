package org.kpi.goals.reports;

import org.kpi.goals.assessment.Scorecards;
import org.kpi.goals.dashboard.DashboardView;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the monthly bulletin's figures from the facts: a pure function, for tests and the benchmark. */
final class MonthlyBulletin {

    /** How many units at most the bulletin praises (表扬). */
    static final int PRAISED = 3;

    private MonthlyBulletin() {
    }

    /** The org unit a document is about: its code, name and type (CITY, DISTRICT, DEPARTMENT). */
    record Unit(String code, String name, String type) {

        /** How a document says "the whole of it": 全区, 全市, 本单位. */
        String whole() {
            return switch (type) {
                case "DISTRICT" -> "全区";
                case "CITY" -> "全市";
                default -> "本单位";
            };
        }
    }

    /** A department's figures on the document's day. */
    private static final class Tally {
        final String code;
        int tasks;
        int onSchedule;
        int overdue;
        long longestLate;
        int closedThisMonth;
        int red;
        BigDecimal score;
        int rank;

        Tally(String code) {
            this.code = code;
        }
    }

    static BulletinView build(Unit unit, Map<String, String> names, List<String> departments, ReportPeriod month,
                              LocalDate asOf, LocalDate issuedOn, List<TaskFact> tasks, List<TargetState> targets,
                              Optional<List<Scorecards.Published.Standing>> standings) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        departments.forEach(code -> tallies.put(code, new Tally(code)));
        int total = 0;
        int onSchedule = 0;
        int overdue = 0;
        int closedThisMonth = 0;
        int closed = 0;
        int handedOutThisMonth = 0;
        List<BulletinView.OverdueTask> overdueTasks = new ArrayList<>();
        for (TaskFact task : tasks) {
            if (!task.handedOutBy(asOf)) {
                continue;
            }
            total++;
            Tally lead = tallies.get(task.leadUnitCode());
            if (lead != null) {
                lead.tasks++;
            }
            if (task.assignedOn() != null && !task.assignedOn().isBefore(month.from()) && !task.assignedOn().isAfter(asOf)) {
                handedOutThisMonth++;
            }
            if (task.closedBy(asOf)) {
                closed++;
                if (task.closedWithin(month.from(), asOf)) {
                    closedThisMonth++;
                    if (lead != null) {
                        lead.closedThisMonth++;
                    }
                }
                continue;
            }
            if (!task.runningOn(asOf)) {
                continue;
            }
            long late = task.daysLate(asOf);
            if (late > 0) {
                overdue++;
                overdueTasks.add(new BulletinView.OverdueTask(task.id(), task.title(), task.leadUnitCode(),
                        WeeklyDispatch.name(names, task.leadUnitCode()), task.nextMilestoneOn(asOf),
                        task.nextDueOn(asOf), late));
                if (lead != null) {
                    lead.overdue++;
                    lead.longestLate = Math.max(lead.longestLate, late);
                }
            } else {
                onSchedule++;
                if (lead != null) {
                    lead.onSchedule++;
                }
            }
        }
        overdueTasks.sort(Comparator.comparingLong(BulletinView.OverdueTask::daysLate).reversed()
                .thenComparing(BulletinView.OverdueTask::taskId));

        Map<Colour, Integer> colours = new HashMap<>();
        List<BulletinView.RedTarget> red = new ArrayList<>();
        int reported = 0;
        int met = 0;
        for (TargetState t : targets) {
            colours.merge(t.colour(), 1, Integer::sum);
            if (t.halfYearMet() != null) {
                reported++;
                met += t.halfYearMet() ? 1 : 0;
            }
            if (t.colour() == Colour.RED) {
                red.add(new BulletinView.RedTarget(t.targetId(), t.indicatorName(), t.unit(), t.orgUnitCode(),
                        t.responsibleUnitCode(), WeeklyDispatch.name(names, t.responsibleUnitCode()),
                        t.committedValue(), t.actual(), t.completionRatio(), t.expectedRatio()));
                Tally responsible = tallies.get(t.responsibleUnitCode());
                if (responsible != null) {
                    responsible.red++;
                }
            }
        }
        DashboardView.HalfYearCheck halfYear = month.from().getMonthValue() < 6 || reported == 0 ? null
                : new DashboardView.HalfYearCheck(reported, met, reported - met, targets.size() - reported,
                met == targets.size());

        List<Tally> ranked = rank(tallies, standings);
        String ranking = standings.isPresent() ? "ASSESSMENT" : "TASKS";
        String basis = standings.isPresent()
                ? "按" + unit.name() + month.from().getYear() + "年考核细则计算的年度累计得分（截至" + day(asOf) + "）排名"
                : "按逾期任务数（少者在前）、红色目标数（少者在前）、本月办结任务数（多者在前）排名";
        List<BulletinView.UnitRow> rows = ranked.stream().map(t -> new BulletinView.UnitRow(t.rank, t.code,
                WeeklyDispatch.name(names, t.code), t.tasks, t.onSchedule, t.overdue, t.closedThisMonth, t.red,
                t.score)).toList();
        // the top three that have no overdue task and no red target; a tie across the cut praises none of the tied
        List<Tally> candidates = ranked.stream().filter(t -> t.rank <= PRAISED && t.overdue == 0 && t.red == 0
                && (t.score != null || t.closedThisMonth > 0)).toList();
        if (candidates.size() > PRAISED) {
            int cut = candidates.get(PRAISED).rank;
            candidates = candidates.stream().filter(t -> t.rank < cut).toList();
        }
        List<BulletinView.Praised> praised = new ArrayList<>();
        for (Tally t : candidates) {
            String reason = (t.score != null ? "考核得分" + t.score.stripTrailingZeros().toPlainString() + "分，位列第" + t.rank
                    + "名；" : "") + (t.closedThisMonth > 0 ? "本月办结任务" + t.closedThisMonth + "项，" : "")
                    + "无逾期任务和红色目标";
            praised.add(new BulletinView.Praised(t.code, WeeklyDispatch.name(names, t.code), reason));
        }
        List<BulletinView.Named> named = tallies.values().stream().filter(t -> t.overdue > 0 || t.red > 0)
                .sorted(Comparator.<Tally>comparingInt(t -> -t.overdue).thenComparingInt(t -> -t.red)
                        .thenComparing(t -> t.code))
                .map(t -> new BulletinView.Named(t.code, WeeklyDispatch.name(names, t.code), t.overdue, t.red,
                        namedReason(t)))
                .toList();

        BulletinView.TaskFigures taskFigures = new BulletinView.TaskFigures(total, onSchedule, overdue,
                closedThisMonth, closed, handedOutThisMonth);
        BulletinView.TargetFigures targetFigures = new BulletinView.TargetFigures(targets.size(),
                colours.getOrDefault(Colour.BLUE, 0), colours.getOrDefault(Colour.YELLOW, 0),
                colours.getOrDefault(Colour.RED, 0));
        String label = month.from().getYear() + "年" + month.from().getMonthValue() + "月";
        return new BulletinView(unit.code(), unit.name(), month.key(), label, month.from(), month.to(), asOf,
                "关于" + label + "重点工作推进情况的通报", month.from().getYear() + "年第" + month.from().getMonthValue() + "期",
                unit.name() + "督查室", issuedOn, summary(unit, asOf, taskFigures, targetFigures, halfYear), taskFigures,
                targetFigures, halfYear, ranking, basis, rows, praised, named, overdueTasks, red);
    }

    /** Ranks the departments: by assessment totals where there are any, else by overdue, red, closed. */
    private static List<Tally> rank(Map<String, Tally> tallies, Optional<List<Scorecards.Published.Standing>> standings) {
        List<Tally> ranked = new ArrayList<>();
        if (standings.isPresent()) {
            int last = 0;
            for (Scorecards.Published.Standing s : standings.get()) {
                Tally t = tallies.get(s.orgUnitCode());
                if (t != null) {
                    t.score = s.total();
                    t.rank = s.rank();
                    last = Math.max(last, s.rank());
                    ranked.add(t);
                }
            }
            for (Tally t : tallies.values()) {
                if (t.score == null) {
                    t.rank = ++last;
                    ranked.add(t);
                }
            }
            return ranked;
        }
        Comparator<Tally> order = Comparator.<Tally>comparingInt(t -> t.overdue).thenComparingInt(t -> t.red)
                .thenComparingInt(t -> -t.closedThisMonth);
        ranked.addAll(tallies.values());
        ranked.sort(order.thenComparing(t -> t.code));
        for (int i = 0; i < ranked.size(); i++) {
            Tally t = ranked.get(i);
            t.rank = i > 0 && order.compare(ranked.get(i - 1), t) == 0 ? ranked.get(i - 1).rank : i + 1;
        }
        return ranked;
    }

    private static String namedReason(Tally t) {
        List<String> parts = new ArrayList<>();
        if (t.overdue > 0) {
            parts.add("逾期任务" + t.overdue + "项（最长逾期" + t.longestLate + "天）");
        }
        if (t.red > 0) {
            parts.add("红色目标" + t.red + "个");
        }
        return String.join("，", parts);
    }

    private static String summary(Unit unit, LocalDate asOf, BulletinView.TaskFigures tasks,
                                  BulletinView.TargetFigures targets, DashboardView.HalfYearCheck halfYear) {
        StringBuilder text = new StringBuilder("截至").append(day(asOf)).append("，").append(unit.whole())
                .append("纳入督查的重点任务共").append(tasks.total()).append("项，其中按期推进").append(tasks.onSchedule())
                .append("项、逾期").append(tasks.overdue()).append("项，本月办结").append(tasks.closedThisMonth())
                .append("项、累计办结").append(tasks.closed()).append("项；重点指标目标").append(targets.total())
                .append("个，其中蓝色").append(targets.blue()).append("个、黄色").append(targets.yellow())
                .append("个、红色").append(targets.red()).append("个。");
        if (halfYear != null) {
            text.append("“时间过半、任务过半”方面，已有上半年数据的").append(halfYear.reported()).append("个目标中，")
                    .append(halfYear.met()).append("个达到序时进度，").append(halfYear.missed()).append("个未达到")
                    .append(halfYear.notReported() > 0 ? "，另有" + halfYear.notReported() + "个尚无上半年数据" : "")
                    .append("。");
        }
        return text.toString();
    }

    /** 10月31日 */
    static String day(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2026年11月3日 */
    static String date(LocalDate date) {
        return date.getYear() + "年" + day(date);
    }
}
