package org.kpi.goals.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.progress.ProgressResult;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.rankings.RankingRule;
import org.kpi.goals.targets.Target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scorecards (考核结果): the facts of an org unit's departments for a period, scored under the
 * unit's current rulebook for the year, and ranked. Supervisors, leaders and admins covering the
 * unit see every department's lines; a department under it sees its own lines and the others'
 * totals and ranks.
 */
@ApplicationScoped
public class Scorecards {

    @Inject
    EntityManager em;

    @Inject
    Rulebooks rulebooks;

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Transactional
    public ScorecardView get(String orgUnitCode, int year, String periodText) {
        Rulebooks.requireYear(year);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        AssessmentPeriod period;
        try {
            period = AssessmentPeriod.parse(periodText == null ? Integer.toString(year) : periodText, year);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
        Rulebooks.Scoring rulebook = rulebooks.current(org.code, year).orElseThrow(() -> ProblemException.notFound(
                org.name + " " + year + " 年尚无考核细则，请督查人员先制定"));
        LocalDate today = progress.today();
        LocalDate asOf = period.cutoff(today);
        List<ScoreEngine.Card> cards = ScoreEngine.score(rulebook.components(), period, today, facts(org, period, asOf));
        boolean seesAll = caller.isAdmin() || scope.covers(org.code);
        List<RankingRule.Placed<ScoreEngine.Card>> placed = RankingRule.rank(cards.stream()
                .map(c -> new RankingRule.Entry<>(c, c.total().doubleValue())).toList(), true);
        List<ScorecardItem> items = new ArrayList<>();
        for (RankingRule.Placed<ScoreEngine.Card> p : placed) {
            ScoreEngine.Card card = p.peer();
            boolean own = seesAll || Objects.equals(card.unitCode(), caller.orgCode());
            items.add(new ScorecardItem(card.unitCode(), card.name(), card.total(), p.rank(),
                    own ? card.lines() : List.of()));
        }
        return new ScorecardView(org.code, year, period.key(), "PREVIEW", rulebook.version(), asOf, null, items);
    }

    /** Everything the engine needs about the departments under {@code org}, read in a few statements. */
    Facts facts(OrgUnit org, AssessmentPeriod period, LocalDate asOf) {
        String subtree = OrgPath.likeSubtree(org.path);
        List<Facts.Unit> units = new ArrayList<>();
        for (Object[] r : rows("select code, name from org_unit where type = 'DEPARTMENT' and path like ?1 escape '\\'"
                + " order by code", subtree)) {
            units.add(new Facts.Unit((String) r[0], (String) r[1]));
        }
        List<String> codes = units.stream().map(Facts.Unit::code).toList();
        String[] unitArray = codes.toArray(String[]::new);
        return new Facts(units, targets(org, period, asOf, subtree),
                rows("""
                        select task_id, lead_unit_code, title, status, due_date, closed_on from assessment_task
                         where lead_unit_code = any(?1) and due_date between ?2 and ?3 order by task_id""",
                        unitArray, period.from(), asOf).stream()
                        .map(r -> new Facts.TaskFact(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                                (String) r[3], (LocalDate) r[4], (LocalDate) r[5])).toList(),
                rows("""
                        select order_id, lead_unit_code, task_title, level, issued_on, respond_by, responded_on
                          from assessment_order
                         where lead_unit_code = any(?1) and (issued_on between ?2 and ?3 or respond_by between ?2 and ?3)
                         order by order_id""", unitArray, period.from(), asOf).stream()
                        .map(r -> new Facts.OrderFact(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                                (String) r[3], (LocalDate) r[4], (LocalDate) r[5], (LocalDate) r[6])).toList(),
                rows("""
                        select record_id, org_unit_code, kind, reason, recorded_on from assessment_accountability
                         where org_unit_code = any(?1) and recorded_on between ?2 and ?3 order by record_id""",
                        unitArray, period.from(), asOf).stream()
                        .map(r -> new Facts.AccountabilityFact(((Number) r[0]).longValue(), (String) r[1],
                                (String) r[2], (String) r[3], (LocalDate) r[4])).toList(),
                rows("""
                        select event_key, task_id, lead_unit_code, task_title, rating, rated_on from assessment_rating
                         where lead_unit_code = any(?1) and rated_on between ?2 and ?3 order by event_key""",
                        unitArray, period.from(), asOf).stream()
                        .map(r -> new Facts.RatingFact((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                                (String) r[3], (String) r[4], (LocalDate) r[5])).toList(),
                rows("""
                        select id, unit_code, points, reason, effective_on from assessment_adjustment
                         where org_unit_code = ?1 and effective_on between ?2 and ?3 order by id""",
                        org.code, period.from(), asOf).stream()
                        .map(r -> new Facts.AdjustmentFact(((Number) r[0]).longValue(), (String) r[1],
                                (BigDecimal) r[2], (String) r[3], (LocalDate) r[4])).toList());
    }

    /** The year's targets of the unit's subtree answered for by its departments, as they stand on {@code asOf}. */
    private List<Facts.TargetFact> targets(OrgUnit org, AssessmentPeriod period, LocalDate asOf, String subtree) {
        List<Target> targets = em.createNativeQuery("""
                        select t.* from target t join org_unit o on o.code = t.org_unit_code
                         where t.year = ?1 and o.path like ?2 escape '\\' order by t.id""", Target.class)
                .setParameter(1, period.year()).setParameter(2, subtree).getResultList()
                .stream().map(Target.class::cast).toList();
        Map<String, Indicator> indicators = new HashMap<>();
        List<Facts.TargetFact> facts = new ArrayList<>();
        for (Target t : targets) {
            Indicator indicator = indicators.computeIfAbsent(t.indicatorCode, code -> em.find(Indicator.class, code));
            ProgressResult result = progress.evaluate(t, indicator, asOf);
            facts.add(new Facts.TargetFact(t.id, t.responsibleUnitCode, t.indicatorCode, indicator.name,
                    result.colour(), result.completionRatio(), result.stretchReached()));
        }
        return facts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
