package org.kpi.goals.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressResult;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.rankings.RankingRule;
import org.kpi.goals.targets.Target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scorecards (考核结果): the facts of an org unit's departments for a period, scored under the
 * unit's current rulebook for the year, and ranked. Supervisors, leaders and admins covering the
 * unit see every department's lines; a department under it sees its own lines and the others'
 * totals and ranks.
 */
@ApplicationScoped
public class Scorecards {

    public static final String PUBLISHED = "assessment.published";
    static final String ENTITY = "assessment";

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

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /** The period's scorecard: as published, or else a live preview under the current rulebook. */
    @Transactional
    public ScorecardView get(String orgUnitCode, int year, String periodText) {
        Rulebooks.requireYear(year);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        AssessmentPeriod period = period(periodText, year);
        Optional<Object[]> publication = publication(org.code, period);
        if (publication.isPresent()) {
            Object[] p = publication.get();
            return view(org, period, "PUBLISHED", ((Number) p[0]).intValue(), period.to(),
                    OffsetDateTime.ofInstant((Instant) p[1], ZoneOffset.UTC), publishedCards(org, period));
        }
        Rulebooks.Scoring rulebook = requireRulebook(org, year);
        LocalDate today = progress.today();
        LocalDate asOf = period.cutoff(today);
        List<ScoreEngine.Card> cards = ScoreEngine.score(rulebook.components(), period, today, facts(org, period, asOf));
        return view(org, period, "PREVIEW", rulebook.version(), asOf, null, cards);
    }

    /**
     * Freezes an ended period (公布): its scorecard under the current rulebook is stored line by
     * line and from then on changes only through accepted appeals. Publishes
     * {@code assessment.published}.
     */
    @Transactional
    public ScorecardView publish(String orgUnitCode, int year, String periodText) {
        Rulebooks.requireYear(year);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        if (!(caller.isAdmin() || caller.isSupervisor() && scope.covers(org.code))) {
            throw ProblemException.forbidden("只有本辖区的督查人员可以公布考核结果");
        }
        AssessmentPeriod period = period(periodText, year);
        Rulebooks.lockYear(em, org.code, year);
        if (publication(org.code, period).isPresent()) {
            throw ProblemException.conflict(period.key() + " 的考核结果已经公布；如有错误，请通过申诉更正");
        }
        LocalDate today = progress.today();
        if (!period.to().isBefore(today)) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION, "期次 " + period.key() + " 到 " + period.to()
                    + " 才结束，结束后才能公布");
        }
        Rulebooks.Scoring rulebook = requireRulebook(org, year);
        Facts facts = facts(org, period, period.to());
        List<ScoreEngine.Card> cards = ScoreEngine.score(rulebook.components(), period, today, facts);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the departments assessed and their targets by colour are frozen with the lines
        Map<String, Map<Colour, Integer>> colours = colours(facts.targets());
        List<RosterEntry> roster = facts.units().stream().map(u -> new RosterEntry(u.code(), u.name(),
                colours.getOrDefault(u.code(), Map.of()))).toList();
        em.createNativeQuery("""
                        insert into assessment_publication (org_unit_code, year, period, rulebook_version, published_by,
                                                            published_at, roster)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                .setParameter(1, org.code).setParameter(2, year).setParameter(3, period.key())
                .setParameter(4, rulebook.version()).setParameter(5, caller.subject()).setParameter(6, now)
                .setParameter(7, json(roster))
                .executeUpdate();
        for (ScoreEngine.Card card : cards) {
            for (ScoreLine line : card.lines()) {
                em.createNativeQuery("""
                                insert into assessment_line (org_unit_code, year, period, unit_code, component, rule,
                                                             fact_type, fact_id, fact_title, points, revision, status)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, 'ACTIVE')""")
                        .setParameter(1, org.code).setParameter(2, year).setParameter(3, period.key())
                        .setParameter(4, card.unitCode()).setParameter(5, line.component().name())
                        .setParameter(6, cut(line.rule(), 500)).setParameter(7, line.factType())
                        .setParameter(8, line.factId()).setParameter(9, cut(line.factTitle(), 500))
                        .setParameter(10, line.points())
                        .executeUpdate();
            }
        }
        ScorecardView view = view(org, period, "PUBLISHED", rulebook.version(), period.to(), now,
                publishedCards(org, period));
        outbox.publish(PUBLISHED, org.code + "/" + period.key(), new Published(org.code, year, period.key(),
                rulebook.version(), now, view.items().stream()
                .map(i -> new Published.Standing(i.orgUnitCode(), i.total(), i.rank())).toList()));
        audit.record("publish", ENTITY, org.code + "/" + period.key(), org.code, null,
                Map.of("rulebookVersion", rulebook.version(), "departments", view.items().size()));
        return view;
    }

    /**
     * The scorecard as an .xlsx workbook for the organisation department: for those who see every
     * department's lines (supervisors, leaders, admins of the unit); a department gets 403.
     */
    @Transactional
    public byte[] export(String orgUnitCode, int year, String periodText) {
        ScorecardView card = get(orgUnitCode, year, periodText);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        if (!(caller.isAdmin() || scope.covers(org.code))) {
            throw ProblemException.forbidden("考核结果导出供组织部门使用，部门用户请在页面查看本部门明细");
        }
        AssessmentPeriod period = period(periodText, year);
        Map<String, Map<Colour, Integer>> colours = new HashMap<>();
        if ("PUBLISHED".equals(card.status())) {
            roster(org.code, period).forEach(r -> colours.put(r.code(), r.colours()));
        } else {
            colours.putAll(colours(targets(org, period, card.asOf(), OrgPath.likeSubtree(org.path))));
        }
        return AssessmentWorkbook.write(card, org.name, colours);
    }

    private static Map<String, Map<Colour, Integer>> colours(List<Facts.TargetFact> targets) {
        Map<String, Map<Colour, Integer>> colours = new HashMap<>();
        for (Facts.TargetFact t : targets) {
            if (t.colour() != null) {
                colours.computeIfAbsent(t.unitCode(), k -> new EnumMap<>(Colour.class)).merge(t.colour(), 1, Integer::sum);
            }
        }
        return colours;
    }

    private List<RosterEntry> roster(String orgUnitCode, AssessmentPeriod period) {
        Object text = em.createNativeQuery("""
                        select cast(roster as text) from assessment_publication
                         where org_unit_code = ?1 and year = ?2 and period = ?3""")
                .setParameter(1, orgUnitCode).setParameter(2, period.year()).setParameter(3, period.key())
                .getSingleResult();
        try {
            return mapper.readValue((String) text, new TypeReference<List<RosterEntry>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored roster cannot be read", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Payload of {@code assessment.published}: each department's total and rank. */
    public record Published(String orgUnitCode, int year, String period, int rulebookVersion,
                            OffsetDateTime publishedAt, List<Standing> standings) {

        public record Standing(String orgUnitCode, BigDecimal total, int rank) {
        }
    }

    private ScorecardView view(OrgUnit org, AssessmentPeriod period, String status, int version, LocalDate asOf,
                               OffsetDateTime publishedAt, List<ScoreEngine.Card> cards) {
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
        return new ScorecardView(org.code, org.name, period.year(), period.key(), status, version, asOf, publishedAt,
                items);
    }

    /**
     * The departments' totals for {@code year} up to {@code asOf} under the unit's current rulebook,
     * ranked as the scorecard ranks them; empty when the unit has no rulebook for the year. What the
     * monthly bulletin (督查通报) cites as its ranking.
     */
    public Optional<List<Published.Standing>> standingsAsOf(OrgUnit org, int year, LocalDate asOf) {
        Optional<Rulebooks.Scoring> rulebook = rulebooks.current(org.code, year);
        if (rulebook.isEmpty()) {
            return Optional.empty();
        }
        AssessmentPeriod period = period(null, year);
        List<ScoreEngine.Card> cards = ScoreEngine.score(rulebook.get().components(), period, asOf,
                facts(org, period, period.cutoff(asOf)));
        return Optional.of(RankingRule.rank(cards.stream()
                        .map(c -> new RankingRule.Entry<>(c, c.total().doubleValue())).toList(), true).stream()
                .map(p -> new Published.Standing(p.peer().unitCode(), p.peer().total(), p.rank())).toList());
    }

    /** A department as a publication froze it: its name and its targets by colour. */
    record RosterEntry(String code, String name, Map<Colour, Integer> colours) {
    }

    /** The active lines of a published period, as cards of the departments it assessed. */
    List<ScoreEngine.Card> publishedCards(OrgUnit org, AssessmentPeriod period) {
        Map<String, List<ScoreLine>> lines = new LinkedHashMap<>();
        List<RosterEntry> roster = roster(org.code, period);
        // a publication made before rosters were kept names today's departments
        List<Facts.Unit> units = roster.isEmpty() ? units(org)
                : roster.stream().map(r -> new Facts.Unit(r.code(), r.name())).toList();
        units.forEach(u -> lines.put(u.code(), new ArrayList<>()));
        for (Object[] r : rows("""
                select id, unit_code, component, rule, fact_type, fact_id, fact_title, points from assessment_line
                 where org_unit_code = ?1 and year = ?2 and period = ?3 and status = 'ACTIVE' order by id""",
                org.code, period.year(), period.key())) {
            lines.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(new ScoreLine(
                    Long.toString(((Number) r[0]).longValue()), Component.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (BigDecimal) r[7]));
        }
        List<ScoreEngine.Card> cards = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        lines.forEach((unit, own) -> cards.add(new ScoreEngine.Card(unit, names.getOrDefault(unit, unit),
                own.stream().map(ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2), own)));
        return cards;
    }

    Optional<Object[]> publication(String orgUnitCode, AssessmentPeriod period) {
        return rows("""
                select rulebook_version, published_at from assessment_publication
                 where org_unit_code = ?1 and year = ?2 and period = ?3""", orgUnitCode, period.year(), period.key())
                .stream().findFirst();
    }

    static AssessmentPeriod period(String text, int year) {
        try {
            return AssessmentPeriod.parse(text == null || text.isBlank() ? Integer.toString(year) : text, year);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
    }

    private Rulebooks.Scoring requireRulebook(OrgUnit org, int year) {
        return rulebooks.current(org.code, year).orElseThrow(() -> ProblemException.notFound(
                org.name + " " + year + " 年尚无考核细则，请督查人员先制定"));
    }

    private List<Facts.Unit> units(OrgUnit org) {
        List<Facts.Unit> units = new ArrayList<>();
        for (Object[] r : rows("select code, name from org_unit where type = 'DEPARTMENT' and path like ?1 escape '\\'"
                + " order by code", OrgPath.likeSubtree(org.path))) {
            units.add(new Facts.Unit((String) r[0], (String) r[1]));
        }
        return units;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Everything the engine needs about the departments under {@code org}, read in a few statements. */
    Facts facts(OrgUnit org, AssessmentPeriod period, LocalDate asOf) {
        String subtree = OrgPath.likeSubtree(org.path);
        List<Facts.Unit> units = units(org);
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
                        select o.order_id, o.lead_unit_code, o.task_title, o.level, o.issued_on, o.respond_by,
                               r.responded_on
                          from assessment_order o left join assessment_order_response r on r.order_id = o.order_id
                         where o.lead_unit_code = any(?1)
                           and (o.issued_on between ?2 and ?3 or o.respond_by between ?2 and ?3)
                         order by o.order_id""", unitArray, period.from(), asOf).stream()
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
                    result.colour(), result.completionRatio(), result.stretchReached(),
                    indicator.direction == Direction.LOWER_IS_BETTER));
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
