package org.kpi.goals.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.common.web.QueryParams;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rulebooks (考核细则) per org unit (district or city) and year: supervisors of the unit write
 * them, every version is kept, and a change after a period was published needs a reason. The
 * unit's leaders, supervisors and departments read them.
 */
@ApplicationScoped
public class Rulebooks {

    static final String ENTITY = "assessment-rulebook";
    private static final BigDecimal LIMIT = new BigDecimal("1000");
    private static final Map<Component, Set<String>> KEYS = Map.of(
            Component.TARGET_COMPLETION, Set.of("BLUE", "YELLOW", "RED"),
            Component.SUPERVISION_ORDERS, Set.of("NOTICE", "URGE", "SUPERVISE", "LISTED"),
            Component.ACCOUNTABILITY, Set.of("TALK", "NOTICE_CRITICISM", "ADMONITION", "ACCOUNTABILITY"),
            Component.SATISFACTION, Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"));

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The current rulebook (or {@code version}); 404 when there is none. */
    @Transactional
    public RulebookView get(String orgUnitCode, int year, Integer version) {
        requireYear(year);
        OrgUnit org = readableUnit(orgUnitCode);
        if (version != null && version < 1) {
            throw ProblemException.notFound("考核细则没有第 " + version + " 版");
        }
        return find(org.code, year, version).orElseThrow(() -> ProblemException.notFound(
                org.name + " " + year + " 年" + (version == null ? "尚无考核细则" : "没有第 " + version + " 版考核细则")));
    }

    /** The current rulebook's version and components, if there is one, for scoring. */
    public Optional<Scoring> current(String orgUnitCode, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select version, cast(components as text) from assessment_rulebook
                         where org_unit_code = ?1 and year = ?2 order by version desc limit 1""")
                .setParameter(1, orgUnitCode).setParameter(2, year).getResultList();
        return rows.stream().findFirst()
                .map(r -> new Scoring(((Number) r[0]).intValue(), components((String) r[1])));
    }

    /** A rulebook version as the engine applies it. */
    public record Scoring(int version, List<RuleComponent> components) {
    }

    @Transactional
    public RulebookView replace(String orgUnitCode, int year, RulebookUpdate update, String ifMatch) {
        requireYear(year);
        OrgUnit org = tree.find(orgUnitCode).orElse(null);
        if (org == null || !(caller.isAdmin() || caller.isSupervisor() && scope.covers(org.code))) {
            if (org != null && mayRead(org)) {
                throw ProblemException.forbidden("只有本辖区的督查人员可以制定考核细则");
            }
            throw ProblemException.notFound("组织机构 " + orgUnitCode + " 不存在或不在本人辖区内");
        }
        if (org.type == OrgUnitType.DEPARTMENT) {
            throw ProblemException.invalid("orgUnitCode", "考核细则按区县或市制定，" + org.name + " 是部门");
        }
        // one writer per unit and year: the version check and the new version cannot race
        lockYear(em, org.code, year);
        Optional<RulebookView> before = find(org.code, year, null);
        int current = before.map(RulebookView::version).orElse(0);
        ETags.requireVersionIfGiven(ifMatch, update.version(), current);
        List<FieldError> errors = new ArrayList<>();
        check(update.components(), errors);
        List<String> published = published(org.code, year);
        String reason = update.reason() == null || update.reason().isBlank() ? null : update.reason().trim();
        if (!published.isEmpty() && reason == null) {
            errors.add(new FieldError("reason", "本年度已公布 " + String.join("、", published) + "，修改考核细则须说明理由"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.createNativeQuery("""
                        insert into assessment_rulebook (org_unit_code, year, version, components, reason, updated_by,
                                                         updated_at)
                        values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7)""")
                .setParameter(1, org.code)
                .setParameter(2, year)
                .setParameter(3, current + 1)
                .setParameter(4, json(update.components()))
                .setParameter(5, reason)
                .setParameter(6, caller.subject())
                .setParameter(7, OffsetDateTime.now(clock))
                .executeUpdate();
        RulebookView after = find(org.code, year, null).orElseThrow();
        audit.record("update", ENTITY, org.code + "/" + year, org.code, before.orElse(null), after);
        return after;
    }

    /**
     * Serialises the writers of a unit's assessment year: a rulebook change and a publication of
     * one of its periods never run at once (the rule "a reason once published" cannot be slipped).
     */
    static void lockYear(EntityManager em, String orgUnitCode, int year) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "assessment:" + orgUnitCode + ":" + year).getSingleResult();
    }

    static void requireYear(int year) {
        if (year < QueryParams.MIN_YEAR || year > QueryParams.MAX_YEAR) {
            throw ProblemException.invalid("year", "年份应在 " + QueryParams.MIN_YEAR + " 到 " + QueryParams.MAX_YEAR + " 之间");
        }
    }

    /** The unit, if the caller may read its rulebooks and scorecards: in scope, or a department under it. */
    OrgUnit readableUnit(String orgUnitCode) {
        OrgUnit org = orgUnitCode == null ? null : tree.find(orgUnitCode).orElse(null);
        if (org == null || !mayRead(org)) {
            throw ProblemException.notFound("组织机构 " + orgUnitCode + " 不存在或不在本人辖区内");
        }
        return org;
    }

    boolean mayRead(OrgUnit org) {
        if (caller.isAdmin() || scope.covers(org.code)) {
            return true;
        }
        String own = caller.orgCode() == null ? null : tree.pathOf(caller.orgCode()).orElse(null);
        return own != null && OrgPath.isWithin(own, org.path);
    }

    List<String> published(String orgUnitCode, int year) {
        @SuppressWarnings("unchecked")
        List<String> periods = em.createNativeQuery("""
                        select period from assessment_publication where org_unit_code = ?1 and year = ?2 order by period""")
                .setParameter(1, orgUnitCode).setParameter(2, year).getResultList();
        return periods;
    }

    private Optional<RulebookView> find(String orgUnitCode, int year, Integer version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select version, cast(components as text), reason, updated_by, updated_at from assessment_rulebook
                         where org_unit_code = ?1 and year = ?2 and (?3 = 0 or version = ?3)
                         order by version desc limit 1""")
                .setParameter(1, orgUnitCode).setParameter(2, year).setParameter(3, version == null ? 0 : version)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new RulebookView(orgUnitCode, year, ((Number) r[0]).intValue(),
                components((String) r[1]).stream().map(ComponentView::of).toList(),
                (String) r[2], (String) r[3], OffsetDateTime.ofInstant((Instant) r[4], ZoneOffset.UTC),
                published(orgUnitCode, year)));
    }

    private static void check(List<RuleComponent> components, List<FieldError> errors) {
        Set<Component> seen = EnumSet.noneOf(Component.class);
        for (int i = 0; i < components.size(); i++) {
            RuleComponent c = components.get(i);
            String at = "components[" + i + "]";
            if (!seen.add(c.component())) {
                errors.add(new FieldError(at + ".component", "考核项 " + c.component() + " 重复"));
            }
            if (c.label() != null && c.label().length() > 40) {
                errors.add(new FieldError(at + ".label", "显示名称最长 40 个字符"));
            }
            if (c.mode() != null && !(c.component() == Component.TARGET_COMPLETION
                    && Set.of("COLOUR", "RATIO").contains(c.mode()))) {
                errors.add(new FieldError(at + ".mode", "只有 TARGET_COMPLETION 有计分方式，可选 COLOUR 或 RATIO"));
            }
            bounded(c.weight(), at + ".weight", errors);
            bounded(c.perDay(), at + ".perDay", errors);
            bounded(c.cap(), at + ".cap", errors);
            if (c.perDay() != null && c.perDay().signum() < 0) {
                errors.add(new FieldError(at + ".perDay", "每天扣分应为正数（按扣分计）"));
            }
            if (c.cap() != null && c.cap().signum() < 0) {
                errors.add(new FieldError(at + ".cap", "扣分上限应为正数"));
            }
            if (c.weights() != null) {
                c.weights().forEach((code, value) -> {
                    if (value == null) {
                        errors.add(new FieldError(at + ".weights." + code, "分值不能为空"));
                    }
                    bounded(value, at + ".weights." + code, errors);
                });
            }
            if (c.points() != null) {
                Set<String> allowed = KEYS.getOrDefault(c.component(), Set.of());
                c.points().forEach((key, value) -> {
                    if (value == null) {
                        errors.add(new FieldError(at + ".points." + key, "分值不能为空"));
                    }
                    if (!allowed.contains(key)) {
                        errors.add(new FieldError(at + ".points." + key, allowed.isEmpty()
                                ? "考核项 " + c.component() + " 不按类别计分"
                                : "可选：" + String.join("、", allowed.stream().sorted().toList())));
                    }
                    bounded(value, at + ".points." + key, errors);
                });
            }
            boolean needsWeight = EnumSet.of(Component.STRETCH_BONUS, Component.TASK_ON_TIME, Component.LATE_RESPONSES)
                    .contains(c.component())
                    || c.component() == Component.TARGET_COMPLETION && (c.weights() == null || c.weights().isEmpty());
            if (needsWeight && c.weight() == null) {
                errors.add(new FieldError(at + ".weight", "考核项 " + c.component() + " 须给出分值"));
            }
            if (c.component() == Component.OVERDUE_DAYS && c.perDay() == null) {
                errors.add(new FieldError(at + ".perDay", "逾期扣分须给出每天扣分"));
            }
            if (KEYS.containsKey(c.component()) && c.component() != Component.TARGET_COMPLETION
                    && (c.points() == null || c.points().isEmpty())) {
                errors.add(new FieldError(at + ".points", "考核项 " + c.component() + " 须给出各类别的分值"));
            }
        }
    }

    private static void bounded(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(LIMIT) > 0 || value.scale() > 4) {
            errors.add(new FieldError(field, "分值应在 -1000 到 1000 之间，最多 4 位小数"));
        }
    }

    private String json(List<RuleComponent> components) {
        try {
            return mapper.writeValueAsString(components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleComponent> components(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<RuleComponent>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rulebook cannot be read", e);
        }
    }

    static Set<String> keys(Component component) {
        return new HashSet<>(KEYS.getOrDefault(component, Set.of()));
    }
}
