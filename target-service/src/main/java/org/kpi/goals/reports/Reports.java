package org.kpi.goals.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.goals.assessment.Scorecards;
import org.kpi.goals.dashboard.DashboardService;
import org.kpi.goals.indicators.Frequency;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.progress.Period;
import org.kpi.goals.progress.ProgressInput;
import org.kpi.goals.progress.ProgressRule;
import org.kpi.goals.rankings.RankingService;
import org.kpi.goals.rankings.RankingView;
import org.kpi.goals.progress.ProgressResult;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.targets.Target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documents of an org unit, built live from the facts: who may read them and the period
 * they cover. Read-only: no transaction, nothing flushed.
 */
@ApplicationScoped
public class Reports {

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    DocumentFacts facts;

    @Inject
    ProgressService progress;

    @Inject
    DashboardService dashboards;

    @Inject
    Scorecards scorecards;

    @Inject
    RankingService rankings;

    public LocalDate today() {
        return progress.today();
    }

    /** The weekly dispatch list of {@code orgUnitCode} for {@code weekText} (2026-W47; default this week). */
    public WeeklyView weekly(String orgUnitCode, String weekText) {
        OrgUnit org = readable(orgUnitCode);
        LocalDate today = today();
        ReportPeriod week = weekText == null || weekText.isBlank() ? ReportPeriod.containing(ReportKind.WEEKLY, today)
                : ReportPeriod.parse(ReportKind.WEEKLY, weekText, "week");
        return weekly(org, week, today);
    }

    WeeklyView weekly(OrgUnit org, ReportPeriod week, LocalDate today) {
        LocalDate asOf = started(week, today, "week");
        return WeeklyDispatch.build(org.code, facts.unitNames(), week, asOf, facts.tasks(org),
                facts.lastReports(org, week.from(), asOf), facts.ordersIssued(org, week.from(), asOf));
    }

    /** The monthly bulletin of {@code orgUnitCode} for {@code monthText} (2026-10; default this month). */
    public BulletinView monthly(String orgUnitCode, String monthText) {
        OrgUnit org = readable(orgUnitCode);
        LocalDate today = today();
        ReportPeriod month = monthText == null || monthText.isBlank() ? ReportPeriod.containing(ReportKind.MONTHLY, today)
                : ReportPeriod.parse(ReportKind.MONTHLY, monthText, "month");
        return monthly(org, month, today);
    }

    BulletinView monthly(OrgUnit org, ReportPeriod month, LocalDate today) {
        LocalDate asOf = started(month, today, "month");
        return MonthlyBulletin.build(unit(org), facts.unitNames(), facts.departments(org), month, asOf, today,
                facts.tasks(org), targets(org, month.year(), asOf), scorecards.standingsAsOf(org, month.year(), asOf));
    }

    /** The quarterly analysis of {@code orgUnitCode} for {@code quarterText} (2026-Q3; default this quarter). */
    public AnalysisView quarterly(String orgUnitCode, String quarterText) {
        OrgUnit org = readable(orgUnitCode);
        LocalDate today = today();
        ReportPeriod quarter = quarterText == null || quarterText.isBlank()
                ? ReportPeriod.containing(ReportKind.QUARTERLY, today)
                : ReportPeriod.parse(ReportKind.QUARTERLY, quarterText, "quarter");
        return quarterly(org, quarter, today);
    }

    AnalysisView quarterly(OrgUnit org, ReportPeriod quarter, LocalDate today) {
        LocalDate asOf = started(quarter, today, "quarter");
        int year = quarter.year();
        DashboardService.Selection selection = dashboards.targets(tree.node(org.code).orElseThrow(), year);
        Map<Long, List<DocumentFacts.ActualPoint>> actuals = facts.approvedActuals(
                selection.targets().stream().map(t -> t.id).toList());
        List<QuarterlyAnalysis.Drawn> drawn = new ArrayList<>();
        for (Target t : selection.targets()) {
            Indicator indicator = selection.indicators().get(t.indicatorCode);
            List<DocumentFacts.ActualPoint> own = actuals.getOrDefault(t.id, List.of());
            drawn.add(new QuarterlyAnalysis.Drawn(state(t, indicator, own, asOf), series(t, indicator, own, quarter, asOf),
                    peers(t, indicator, own, quarter)));
        }
        return QuarterlyAnalysis.build(unit(org), facts.unitNames(), quarter, asOf, facts.tasks(org), drawn);
    }

    /** The target's periods of the year up to the quarter's end (and {@code asOf}): the actual then and the expected line. */
    private List<AnalysisView.Point> series(Target t, Indicator indicator, List<DocumentFacts.ActualPoint> actuals,
                                            ReportPeriod quarter, LocalDate asOf) {
        List<AnalysisView.Point> points = new ArrayList<>();
        int year = quarter.year();
        boolean monthly = indicator.frequency == Frequency.MONTHLY;
        int last = monthly ? quarter.to().getMonthValue() : quarter.to().getMonthValue() / 3;
        for (int i = 1; i <= last; i++) {
            Period period = monthly ? Period.month(year, i) : Period.quarter(year, i);
            if (period.startDate().isAfter(asOf)) {
                break;
            }
            BigDecimal value = null;
            boolean reported = actuals.stream().anyMatch(a -> a.endMonth() == period.endMonth());
            if (reported) {
                value = indicator.kind == IndicatorKind.CUMULATIVE
                        ? actuals.stream().filter(a -> a.endMonth() <= period.endMonth()).map(DocumentFacts.ActualPoint::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        : actuals.stream().filter(a -> a.endMonth() == period.endMonth()).map(DocumentFacts.ActualPoint::value)
                        .reduce((a, b) -> b).orElseThrow();
            }
            ProgressResult at = rankings.evaluateAt(t, indicator, period, value == null ? BigDecimal.ZERO : value);
            points.add(new AnalysisView.Point(period.toString(), value, value == null ? null : at.completionRatio(),
                    at.expectedRatio()));
        }
        return points;
    }

    /**
     * Where the target's unit ranks among its peers, at the latest period it has an actual for up to
     * the quarter's end — the period the analysis quotes (none: not ranked).
     */
    private AnalysisView.PeerStanding peers(Target t, Indicator indicator, List<DocumentFacts.ActualPoint> actuals,
                                            ReportPeriod quarter) {
        int lastMonth = quarter.to().getMonthValue();
        String period = actuals.stream().filter(a -> a.endMonth() <= lastMonth).map(DocumentFacts.ActualPoint::period)
                .reduce((a, b) -> b).orElse(null);
        if (period == null) {
            return null;
        }
        RankingView ranking;
        try {
            ranking = rankings.standingAmongPeers(t.indicatorCode, quarter.year(), period, t.orgUnitCode);
        } catch (ProblemException e) {
            return null;
        }
        if (ranking == null || ranking.total() < 2) {
            return null;
        }
        RankingView.Item own = ranking.items().stream().filter(i -> i.orgUnitCode().equals(t.orgUnitCode)).findFirst()
                .orElse(null);
        List<String> leaders = ranking.items().stream().filter(i -> i.rank() != null && i.rank() <= 3)
                .map(RankingView.Item::orgUnitName).limit(3).toList();
        return new AnalysisView.PeerStanding(ranking.period(), own == null ? null : own.rank(), ranking.total(),
                own != null && own.firstTier(), leaders);
    }

    private TargetState state(Target t, Indicator indicator, List<DocumentFacts.ActualPoint> actuals, LocalDate asOf) {
        ProgressResult result = progressAsOf(t, indicator, actuals, asOf);
        return new TargetState(t.id, t.indicatorCode, indicator.name, indicator.unit, t.orgUnitCode,
                t.responsibleUnitCode, t.committedValue, result.actual(), result.completionRatio(),
                result.expectedRatio(), result.colour(), progress.halfYearMet(t, indicator));
    }

    /**
     * Where the target stood on {@code asOf}: today, as the dashboard shows it; on a day gone by,
     * from the actuals of the periods that had ended by then (however late they were approved), so
     * that a past month's bulletin is not coloured by the periods after it.
     */
    private ProgressResult progressAsOf(Target t, Indicator indicator, List<DocumentFacts.ActualPoint> actuals,
                                        LocalDate asOf) {
        if (!asOf.isBefore(today())) {
            return progress.evaluate(t, indicator, asOf);
        }
        Period due = lastEnded(t.year, indicator.frequency, asOf);
        List<DocumentFacts.ActualPoint> known = due == null ? List.of()
                : actuals.stream().filter(a -> a.endMonth() <= due.endMonth()).toList();
        Period latest = known.isEmpty() ? null : Period.parse(known.get(known.size() - 1).period());
        BigDecimal value = known.isEmpty() ? null : indicator.kind == IndicatorKind.CUMULATIVE
                ? known.stream().map(DocumentFacts.ActualPoint::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                : known.get(known.size() - 1).value();
        return ProgressRule.evaluate(new ProgressInput(indicator.kind, indicator.direction, t.committedValue,
                t.stretchValue, progress.planPoints(t), progress.tolerance(indicator), latest, value, due));
    }

    /** The last period of {@code year} at {@code frequency} that had ended by {@code day}, or null. */
    static Period lastEnded(int year, Frequency frequency, LocalDate day) {
        int months = day.getYear() > year ? 12 : day.getYear() < year ? 0
                : day.getMonthValue() - (day.equals(day.withDayOfMonth(day.lengthOfMonth())) ? 0 : 1);
        if (frequency == Frequency.MONTHLY) {
            return months < 1 ? null : Period.month(year, months);
        }
        return months < 3 ? null : Period.quarter(year, months / 3);
    }

    /** The targets {@code org}'s dashboard counts for {@code year}, as they stood on {@code asOf}. */
    List<TargetState> targets(OrgUnit org, int year, LocalDate asOf) {
        DashboardService.Selection selection = dashboards.targets(tree.node(org.code).orElseThrow(), year);
        Map<Long, List<DocumentFacts.ActualPoint>> actuals = facts.approvedActuals(
                selection.targets().stream().map(t -> t.id).toList());
        List<TargetState> states = new ArrayList<>(selection.targets().size());
        for (Target t : selection.targets()) {
            states.add(state(t, selection.indicators().get(t.indicatorCode), actuals.getOrDefault(t.id, List.of()), asOf));
        }
        return states;
    }

    static MonthlyBulletin.Unit unit(OrgUnit org) {
        return new MonthlyBulletin.Unit(org.code, org.name, org.type.name());
    }

    /** The day a document of {@code period} is as of; 400 naming {@code field} for a period yet to begin. */
    static LocalDate started(ReportPeriod period, LocalDate today, String field) {
        if (period.from().isAfter(today)) {
            throw ProblemException.invalid(field, period.key() + " 尚未开始，没有可以汇总的情况");
        }
        return period.asOf(today);
    }

    /**
     * The unit whose documents the caller reads: supervisors and leaders within their scope, admin
     * anywhere (404 otherwise); departments read the issued documents in the archive, not these.
     */
    OrgUnit readable(String orgUnitCode) {
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw ProblemException.invalid("orgUnit", "请指定单位");
        }
        OrgUnit org = tree.find(orgUnitCode.trim()).orElse(null);
        if (org == null || !(caller.isAdmin() || scope.covers(org.code))) {
            throw ProblemException.notFound("组织机构 " + orgUnitCode + " 不存在或不在本人辖区内");
        }
        if (!(caller.isAdmin() || caller.isSupervisor() || caller.isLeader())) {
            throw ProblemException.forbidden("调度清单、通报和分析由督查室和领导查看；已印发的文件请在文件归档中查看");
        }
        if (org.type == OrgUnitType.DEPARTMENT) {
            throw ProblemException.invalid("orgUnit", "调度清单、通报和分析按区县或市编制，" + org.name + " 是部门");
        }
        return org;
    }
}
