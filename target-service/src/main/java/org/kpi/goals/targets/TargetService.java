package org.kpi.goals.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.indicators.ValueRules;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.Period;
import org.kpi.goals.progress.ProgressResult;
import org.kpi.goals.progress.ProgressService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Annual targets: set, changed, listed within scope, and kept coloured. */
@ApplicationScoped
public class TargetService {

    static final String ENTITY = "target";

    @Inject
    EntityManager em;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgressService progress;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    TargetAccess access;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public TargetView create(TargetRequest request) {
        requireManageable(request.orgUnitCode());
        Indicator indicator = validate(request);
        if (existing(request.indicatorCode(), request.orgUnitCode(), request.year()) != null) {
            throw ProblemException.conflict("单位 " + request.orgUnitCode() + " 在 " + request.year()
                    + " 年已有指标 " + request.indicatorCode() + " 的目标");
        }
        return createFromLedger(request, indicator);
    }

    /**
     * Creates a target from a ledger row that the caller has validated ({@link #validate}),
     * authorised ({@link #requireManageable}) and found new; publishes and audits it as
     * {@link #create} does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TargetView createFromLedger(TargetRequest request, Indicator indicator) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Target target = new Target();
        target.indicatorCode = request.indicatorCode();
        target.orgUnitCode = request.orgUnitCode();
        target.year = request.year().shortValue();
        target.createdAt = now;
        apply(target, request, now);
        target.colour = progress.evaluate(target, indicator, progress.today()).colour();
        em.persist(target);
        em.flush();
        TargetView view = view(target, indicator, progress.today());
        outbox.publish(TargetEvents.UPSERTED, target.id.toString(), upserted(target, indicator));
        audit.record("create", ENTITY, target.id.toString(), target.orgUnitCode, null, view);
        return view;
    }

    /**
     * Changes a target's values from a ledger row that the caller has validated, authorised and
     * checked against the version it was exported with; a row without a plan keeps the plan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateFromLedger(Target target, TargetRequest request, Indicator indicator) {
        TargetView before = view(target, indicator, progress.today());
        apply(target, new TargetRequest(request.indicatorCode(), request.orgUnitCode(), request.year(),
                request.committedValue(), request.stretchValue(), request.responsibleUnitCode(),
                request.plan() == null ? progress.plan(target) : request.plan(), null), OffsetDateTime.now(clock));
        finishUpdate(target, indicator, before, "import");
    }

    @Transactional
    public TargetView update(long id, TargetRequest request, String ifMatch) {
        Target target = require(id);
        access.requireManage(target);
        ETags.requireVersion(ETags.expectedVersion(ifMatch, request.version()), target.version);
        Indicator indicator = validate(request);
        List<FieldError> fixed = new ArrayList<>();
        if (!target.indicatorCode.equals(request.indicatorCode())) {
            fixed.add(new FieldError("indicatorCode", "目标的指标不可修改"));
        }
        if (!target.orgUnitCode.equals(request.orgUnitCode())) {
            fixed.add(new FieldError("orgUnitCode", "目标的所属单位不可修改"));
        }
        if (target.year != request.year()) {
            fixed.add(new FieldError("year", "目标的年度不可修改"));
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        TargetView before = view(target, indicator, progress.today());
        apply(target, request, OffsetDateTime.now(clock));
        return finishUpdate(target, indicator, before, "update");
    }

    private TargetView finishUpdate(Target target, Indicator indicator, TargetView before, String action) {
        recolour(target, indicator, progress.today());
        em.flush();
        TargetView after = view(target, indicator, progress.today());
        outbox.publish(TargetEvents.UPSERTED, target.id.toString(), upserted(target, indicator));
        audit.record(action, ENTITY, target.id.toString(), target.orgUnitCode, before, after);
        return after;
    }

    @Transactional
    public TargetView get(long id) {
        Target target = require(id);
        access.requireVisible(target);
        return view(target, indicators.require(target.indicatorCode), progress.today());
    }

    @Transactional
    public org.kpi.goals.progress.ProgressView progressOf(long id) {
        Target target = require(id);
        access.requireVisible(target);
        return progress.progress(target, indicators.require(target.indicatorCode), progress.today());
    }

    @Transactional
    public PageResult<TargetView> list(TargetFilter filter, PageRequest page) {
        return query(filter, page.offset(), page.size(), page);
    }

    /** Every target matching {@code filter} within the caller's scope, up to {@code max} (for exports). */
    @Transactional
    public List<TargetView> listAll(TargetFilter filter, int max) {
        return query(filter, 0, max, new PageRequest(0, max)).items();
    }

    private PageResult<TargetView> query(TargetFilter filter, int offset, int limit, PageRequest page) {
        // a target is visible to whoever covers its unit or its responsible unit (see TargetAccess)
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.units("scope", "t.org_unit_code", "t.responsible_unit_code").addTo(params));
        if (filter.orgUnit() != null) {
            String orgPath = tree.pathOf(filter.orgUnit()).orElse(OrgPath.of(null, filter.orgUnit()));
            where.append(" and ").append(ScopePredicate.visibleUnits(orgPath, "org", "t.org_unit_code",
                    "t.responsible_unit_code").addTo(params));
        }
        if (filter.year() != null) {
            where.append(" and t.year = :year");
            params.put("year", filter.year().shortValue());
        }
        if (filter.indicator() != null) {
            where.append(" and t.indicator_code = :indicator");
            params.put("indicator", filter.indicator());
        }
        if (filter.colour() != null) {
            where.append(" and t.colour = :colour");
            params.put("colour", filter.colour().name());
        }
        if (filter.responsibleUnit() != null) {
            where.append(" and t.responsible_unit_code = :responsible");
            params.put("responsible", filter.responsibleUnit());
        }
        Query query = em.createNativeQuery("select t.* from target t" + where
                + " order by t.year desc, t.org_unit_code, t.indicator_code, t.id", Target.class);
        Query count = em.createNativeQuery("select count(*) from target t" + where);
        for (Query q : List.of(query, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<Target> targets = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<String, Indicator> byCode = indicators.byCode(targets.stream().map(t -> t.indicatorCode).distinct().toList());
        LocalDate today = progress.today();
        List<TargetView> items = targets.stream().map(t -> view(t, byCode.get(t.indicatorCode), today)).toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * Recomputes the target's colour as of {@code asOf}; when it changed, stores it and publishes
     * {@code target.status-changed}. Returns whether it changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recolour(Target target, Indicator indicator, LocalDate asOf) {
        ProgressResult result = progress.evaluate(target, indicator, asOf);
        Colour before = target.colour;
        if (result.colour() == before) {
            return false;
        }
        target.colour = result.colour();
        outbox.publish(TargetEvents.STATUS_CHANGED, Long.toString(target.id),
                new TargetEvents.StatusChanged(target.id, target.indicatorCode, target.orgUnitCode,
                        target.responsibleUnitCode, target.year, before, result.colour(), asOf));
        return true;
    }

    public Target require(long id) {
        Target target = em.find(Target.class, id);
        if (target == null) {
            throw ProblemException.notFound("目标 " + id + " 不存在或无权查看");
        }
        return target;
    }

    public TargetView view(Target t, Indicator indicator, LocalDate asOf) {
        return new TargetView(t.id, t.indicatorCode, indicator.name, indicator.unit, t.orgUnitCode, t.year,
                t.committedValue, t.stretchValue, t.responsibleUnitCode, progress.plan(t), t.colour,
                progress.progress(t, indicator, asOf), t.version, t.createdAt, t.updatedAt);
    }

    public TargetEvents.Upserted upserted(Target t, Indicator indicator) {
        return new TargetEvents.Upserted(t.id, t.indicatorCode, indicator.name, indicator.unit, indicator.frequency,
                indicator.actualsDueDay, t.orgUnitCode, t.year, t.committedValue, t.stretchValue,
                t.responsibleUnitCode, progress.plan(t), t.colour, t.version);
    }

    Target existing(String indicatorCode, String orgUnitCode, int year) {
        return em.createQuery("from Target t where t.indicatorCode = :i and t.orgUnitCode = :o and t.year = :y", Target.class)
                .setParameter("i", indicatorCode)
                .setParameter("o", orgUnitCode)
                .setParameter("y", (short) year)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * 400 on {@code orgUnitCode} unless the unit exists and the caller may set targets for it. An
     * unknown unit and one outside the caller's scope get the same answer, so a request cannot
     * probe which units exist beyond the caller's scope; checked before anything else in the request.
     */
    public void requireManageable(String orgUnitCode) {
        if (tree.find(orgUnitCode).isEmpty() || !scope.covers(orgUnitCode)) {
            throw ProblemException.invalid("orgUnitCode", unknownOrOutOfScope(orgUnitCode));
        }
    }

    /** The one answer for a unit that does not exist or lies outside the caller's scope. */
    public static String unknownOrOutOfScope(String code) {
        return "单位 " + code + " 不存在或不在本人辖区内";
    }

    /**
     * Checks a request against the catalogue, the org tree and the indicator's value rules. A
     * missing field is left to the request's Bean Validation (the ledger import runs both).
     */
    public Indicator validate(TargetRequest request) {
        return validate(request, code -> indicators.byCode(List.of(code)).get(code));
    }

    /**
     * {@link #validate(TargetRequest)} with the indicators looked up in {@code catalogue} (by
     * code, null when unknown), so that an import of thousands of rows reads the catalogue once.
     */
    public Indicator validate(TargetRequest request, Function<String, Indicator> catalogue) {
        List<FieldError> errors = new ArrayList<>();
        Indicator indicator = request.indicatorCode() == null ? null : catalogue.apply(request.indicatorCode());
        if (indicator == null && request.indicatorCode() != null) {
            errors.add(new FieldError("indicatorCode", "指标 " + request.indicatorCode() + " 不存在"));
        }
        boolean orgKnown = request.orgUnitCode() != null && tree.find(request.orgUnitCode()).isPresent();
        if (!orgKnown && request.orgUnitCode() != null) {
            errors.add(new FieldError("orgUnitCode", unknownOrOutOfScope(request.orgUnitCode())));
        }
        // one answer whether the responsible unit is unknown or lies elsewhere: its existence
        // outside the target's unit is none of the caller's business
        if (request.responsibleUnitCode() != null && (tree.find(request.responsibleUnitCode()).isEmpty()
                || (orgKnown && !tree.isWithin(request.responsibleUnitCode(), request.orgUnitCode())))) {
            errors.add(new FieldError("responsibleUnitCode", "单位 " + request.responsibleUnitCode()
                    + " 不存在或不是 " + request.orgUnitCode() + " 本身或其下属单位"));
        }
        if (indicator != null && request.committedValue() != null && request.year() != null) {
            errors.addAll(valueErrors(indicator, request));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return indicator;
    }

    private List<FieldError> valueErrors(Indicator indicator, TargetRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ValueRules.problemWith(indicator, request.committedValue())
                .ifPresent(m -> errors.add(new FieldError("committedValue", m)));
        if (indicator.kind == IndicatorKind.CUMULATIVE && request.committedValue().signum() <= 0) {
            errors.add(new FieldError("committedValue", "累计类目标应大于 0"));
        }
        if (request.stretchValue() != null) {
            ValueRules.problemWith(indicator, request.stretchValue())
                    .ifPresent(m -> errors.add(new FieldError("stretchValue", m)));
            boolean higher = indicator.direction == Direction.HIGHER_IS_BETTER;
            int cmp = request.stretchValue().compareTo(request.committedValue());
            if (higher ? cmp < 0 : cmp > 0) {
                errors.add(new FieldError("stretchValue", higher ? "力争值不能低于确保值" : "力争值不能高于确保值"));
            }
        }
        List<PlanEntry> plan = request.plan() == null ? List.of() : request.plan();
        Set<Integer> months = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            PlanEntry entry = plan.get(i);
            String field = "plan[" + i + "]";
            Period period;
            try {
                period = Period.parse(entry.period());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".period", e.getMessage()));
                continue;
            }
            if (period.year() != request.year()) {
                errors.add(new FieldError(field + ".period", "期次应在目标年度 " + request.year() + " 内"));
            }
            if (!months.add(period.endMonth())) {
                errors.add(new FieldError(field + ".period", "同一月份结束的检查点只能有一个"));
            }
            ValueRules.problemWith(indicator, entry.value()).ifPresent(m -> errors.add(new FieldError(field + ".value", m)));
        }
        return errors;
    }

    private void apply(Target target, TargetRequest request, OffsetDateTime now) {
        target.committedValue = request.committedValue();
        target.stretchValue = request.stretchValue();
        target.responsibleUnitCode = request.responsibleUnitCode();
        List<PlanEntry> plan = request.plan() == null ? List.of() : request.plan().stream()
                .map(e -> new PlanEntry(Period.parse(e.period()).toString(), e.value()))
                .sorted((a, b) -> Period.parse(a.period()).compareTo(Period.parse(b.period())))
                .toList();
        try {
            target.plan = mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        target.updatedAt = now;
    }
}
