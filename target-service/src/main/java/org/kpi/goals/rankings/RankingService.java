package org.kpi.goals.rankings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.kpi.common.org.OrgNode;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.progress.Period;
import org.kpi.goals.progress.PlanPoint;
import org.kpi.goals.progress.ProgressInput;
import org.kpi.goals.progress.ProgressResult;
import org.kpi.goals.progress.ProgressRule;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.targets.Target;
import org.kpi.goals.targets.TargetRows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the peers under a parent — its children, or every unit of one type in its subtree — on
 * one indicator at one period: cumulative indicators by completion ratio through the period,
 * rates and levels by the period's value. Three queries whatever the number of peers.
 */
@ApplicationScoped
public class RankingService {

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgressService progress;

    @Inject
    TargetRows rows;

    /** Read-only: no transaction, nothing managed, nothing flushed. */
    public RankingView rank(String indicatorCode, int year, String periodText, String parentCode, OrgUnitType level) {
        OrgNode parent = tree.node(parentCode).orElse(null);
        if (parent == null || !scope.covers(parentCode)) {
            throw ProblemException.notFound("组织机构 " + parentCode + " 不存在或无权查看");
        }
        return rank(indicatorCode, year, periodText, parent, level, null);
    }

    /**
     * Where a unit the caller covers ranks among its peers (the other children of its parent), as
     * rankings are published to those ranked: a peer outside the caller's scope shows only its
     * name, rank and tier — no value, ratio, colour or target.
     */
    public RankingView rankPeers(String indicatorCode, int year, String periodText, String ownCode) {
        OrgNode own = tree.node(ownCode).orElse(null);
        if (own == null || !scope.covers(ownCode)) {
            throw ProblemException.notFound("组织机构 " + ownCode + " 不存在或无权查看");
        }
        return amongPeers(indicatorCode, year, periodText, own, scope::covers);
    }

    /**
     * Where {@code ownCode} ranks among its peers, for a document about it (the quarterly
     * analysis): its own figures, and of the others only name, rank and tier. Makes no scope check —
     * whoever reads the document was checked against {@code ownCode} — so it also serves the
     * scheduled run, which has no caller. Null when the unit has no parent to rank under.
     */
    public RankingView standingAmongPeers(String indicatorCode, int year, String periodText, String ownCode) {
        OrgNode own = tree.node(ownCode).orElse(null);
        if (own == null || own.parentCode() == null || tree.node(own.parentCode()).isEmpty()) {
            return null;
        }
        return amongPeers(indicatorCode, year, periodText, own, ownCode::equals);
    }

    /** The peers of {@code own}, those {@code visible} refuses showing only name, rank and tier. */
    private RankingView amongPeers(String indicatorCode, int year, String periodText, OrgNode own,
                                   java.util.function.Predicate<String> visible) {
        OrgNode parent = own.parentCode() == null ? null : tree.node(own.parentCode()).orElse(null);
        if (parent == null) {
            throw ProblemException.notFound("组织机构 " + own.code() + " 没有上级单位，无同级可比");
        }
        // peers are units of its own kind: a district among districts, not the city's own departments
        RankingView ranking = rank(indicatorCode, year, periodText, parent, null, own.type());
        List<RankingView.Item> items = ranking.items().stream()
                .map(item -> visible.test(item.orgUnitCode()) ? item
                        : new RankingView.Item(item.rank(), item.orgUnitCode(), item.orgUnitName(), null, null, null,
                                null, item.firstTier()))
                .toList();
        return new RankingView(ranking.indicatorCode(), ranking.indicatorName(), ranking.unit(), ranking.year(),
                ranking.period(), ranking.parent(), ranking.basis(), ranking.total(), items);
    }

    /**
     * The progress of {@code t} had {@code value} been its actual at {@code period}, judged at that
     * period: what a ranking scores a peer by, and what the quarterly analysis draws period by period.
     */
    public ProgressResult evaluateAt(Target t, Indicator indicator, Period period, BigDecimal value) {
        List<PlanPoint> plan = progress.planPoints(t);
        return ProgressRule.evaluate(new ProgressInput(indicator.kind, indicator.direction, t.committedValue,
                t.stretchValue, plan, progress.tolerance(indicator), period, value, period));
    }

    private RankingView rank(String indicatorCode, int year, String periodText, OrgNode parent, OrgUnitType level,
                             OrgUnitType peerType) {
        String parentCode = parent.code();
        Indicator indicator = indicators.require(indicatorCode);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("indicator", indicatorCode);
        parameters.put("year", (short) year);
        parameters.put("parent", parentCode);
        String peers = "u.parent_code = :parent";
        if (peerType != null) {
            peers += " and u.type = :peerType";
            parameters.put("peerType", peerType.name());
        }
        if (level != null) {
            peers = ScopePredicate.pathWithin("u.path", parent.path(), "subtree").addTo(parameters)
                    + " and u.type = :level and u.code <> :parent";
            parameters.put("level", level.name());
        }
        String peerJoin = "join org_unit u on u.code = t.org_unit_code";
        String peerWhere = "t.indicator_code = :indicator and t.year = :year and " + peers;
        Period period = periodText == null || periodText.isBlank()
                ? latestApprovedPeriod(peerJoin, peerWhere, parameters, indicator, year)
                : parsePeriod(periodText, indicator, year);
        // each peer's value at the period, read with it: an index-only lookup per peer
        // each peer's value at the period: from the target's own summary when the period is its
        // latest (the usual question: where do we rank now), else an index-only lookup
        String valueColumn = period == null ? "null" : indicator.kind == IndicatorKind.CUMULATIVE
                ? "case when t.latest_end_month is null then null when t.latest_end_month <= :month then t.approved_total"
                + " else (select sum(a.value) from actual a where a.target_id = t.id and a.status = 'APPROVED'"
                + " and a.end_month <= :month) end"
                : "case when t.latest_end_month is null or t.latest_end_month < :month then null"
                + " when t.latest_end_month = :month then t.latest_value"
                + " else (select max(a.value) from actual a where a.target_id = t.id and a.status = 'APPROVED'"
                + " and a.end_month = :month) end";
        Map<String, Object> withMonth = new HashMap<>(parameters);
        if (period != null) {
            withMonth.put("month", (short) period.endMonth());
        }
        Map<Long, String[]> units = new HashMap<>();
        Map<Long, BigDecimal> values = new HashMap<>();
        List<Target> targets = new ArrayList<>();
        for (TargetRows.Row row : rows.select(peerJoin, "u.code as unit_code, u.name as unit_name, " + valueColumn + " as value",
                peerWhere, "u.code", withMonth)) {
            Target target = row.target();
            targets.add(target);
            units.put(target.id, new String[]{(String) row.extra()[0], (String) row.extra()[1]});
            if (row.extra()[2] != null) {
                values.put(target.id, (BigDecimal) row.extra()[2]);
            }
        }

        boolean cumulative = indicator.kind == IndicatorKind.CUMULATIVE;
        List<RankingRule.Entry<Scored>> entries = new ArrayList<>();
        for (Target t : targets) {
            BigDecimal value = values.get(t.id);
            ProgressResult result = value == null ? null : evaluateAt(t, indicator, period, value);
            Double score = result == null ? null : cumulative ? result.completionRatio() : value.doubleValue();
            entries.add(new RankingRule.Entry<>(new Scored(t, value, result), score));
        }
        boolean higherBetter = indicator.direction == Direction.HIGHER_IS_BETTER;
        List<RankingView.Item> items = RankingRule.rank(entries, higherBetter).stream()
                .map(p -> {
                    Scored s = p.peer();
                    String[] unit = units.get(s.target().id);
                    return new RankingView.Item(p.rank(), unit[0], unit[1], s.target().id, s.value(),
                            s.result() == null ? null : s.result().completionRatio(),
                            s.result() == null ? null : s.result().colour(), p.firstTier());
                })
                .toList();
        return new RankingView(indicator.code, indicator.name, indicator.unit, year,
                period == null ? null : period.toString(), parentCode, cumulative ? "COMPLETION_RATIO" : "VALUE",
                items.size(), items);
    }

    private Period latestApprovedPeriod(String peerJoin, String peerWhere, Map<String, Object> parameters,
                                        Indicator indicator, int year) {
        Query query = em.createNativeQuery("select max(t.latest_end_month) from target t " + peerJoin
                + " where " + peerWhere);
        parameters.forEach(query::setParameter);
        Number month = (Number) query.getSingleResult();
        if (month == null) {
            return null;
        }
        int m = month.intValue();
        return indicator.frequency == org.kpi.goals.indicators.Frequency.MONTHLY
                ? Period.month(year, m) : Period.quarter(year, m / 3);
    }

    private static Period parsePeriod(String text, Indicator indicator, int year) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
        if (period.year() != year) {
            throw ProblemException.invalid("period", "期次应在年度 " + year + " 内");
        }
        if (!period.matches(indicator.frequency)) {
            throw ProblemException.invalid("period", "指标 " + indicator.code + " 的填报频次为 " + indicator.frequency);
        }
        return period;
    }

    private record Scored(Target target, BigDecimal value, ProgressResult result) {
    }
}
