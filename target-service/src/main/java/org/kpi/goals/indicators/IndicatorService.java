package org.kpi.goals.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The indicator catalogue, shared by every org unit. */
@ApplicationScoped
public class IndicatorService {

    static final String ENTITY = "indicator";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public IndicatorView create(IndicatorRequest request) {
        if (em.find(Indicator.class, request.code()) != null) {
            throw ProblemException.conflict("指标代码 " + request.code() + " 已存在");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Indicator indicator = new Indicator();
        indicator.code = request.code();
        indicator.createdAt = now;
        apply(indicator, request);
        em.persist(indicator);
        em.flush();
        IndicatorView view = IndicatorView.of(indicator);
        audit.record("create", ENTITY, indicator.code, null, null, view);
        return view;
    }

    @Transactional
    public IndicatorView update(String code, IndicatorRequest request, String ifMatch) {
        Indicator indicator = require(code);
        ETags.requireVersion(ETags.expectedVersion(ifMatch, request.version()), indicator.version);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "指标代码不可修改");
        }
        boolean semanticsChange = indicator.kind != request.kind() || indicator.direction != request.direction()
                || indicator.frequency != request.frequency() || !Objects.equals(indicator.unit, request.unit().trim());
        if (semanticsChange && hasActuals(code)) {
            throw ProblemException.conflict("指标 " + code + " 已有实绩，不能再修改类型、方向、频次或单位");
        }
        IndicatorView before = IndicatorView.of(indicator);
        apply(indicator, request);
        em.flush();
        IndicatorView after = IndicatorView.of(indicator);
        audit.record("update", ENTITY, code, null, before, after);
        return after;
    }

    @Transactional
    public IndicatorView get(String code) {
        return IndicatorView.of(require(code));
    }

    @Transactional
    public PageResult<IndicatorView> list(IndicatorKind kind, String q, PageRequest page) {
        String where = " where (:kind is null or i.kind = :kind)"
                + " and (:q is null or lower(i.name) like :q or lower(i.code) like :q)";
        TypedQuery<Indicator> query = em.createQuery("from Indicator i" + where + " order by i.code", Indicator.class);
        TypedQuery<Long> count = em.createQuery("select count(i) from Indicator i" + where, Long.class);
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase() + "%";
        for (TypedQuery<?> t : List.of(query, count)) {
            t.setParameter("kind", kind);
            t.setParameter("q", pattern);
        }
        List<IndicatorView> items = query.setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(IndicatorView::of).toList();
        return PageResult.of(items, page, count.getSingleResult());
    }

    public Indicator require(String code) {
        Indicator indicator = code == null ? null : em.find(Indicator.class, code);
        if (indicator == null) {
            throw ProblemException.notFound("指标 " + code + " 不存在");
        }
        return indicator;
    }

    /** The indicators with the given codes, by code, in one query. */
    public Map<String, Indicator> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Indicator i where i.code in :codes", Indicator.class)
                .setParameter("codes", codes)
                .getResultStream()
                .collect(Collectors.toMap(i -> i.code, Function.identity()));
    }

    private boolean hasActuals(String code) {
        return !em.createQuery("select a.id from Actual a, Target t where a.targetId = t.id and t.indicatorCode = :code",
                        Long.class)
                .setParameter("code", code)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private void apply(Indicator indicator, IndicatorRequest request) {
        indicator.name = request.name().trim();
        indicator.unit = request.unit().trim();
        indicator.kind = request.kind();
        indicator.direction = request.direction();
        indicator.frequency = request.frequency();
        indicator.actualsDueDay = request.actualsDueDay().shortValue();
        indicator.yellowTolerance = request.yellowTolerance() == null ? null
                : request.yellowTolerance().setScale(4, java.math.RoundingMode.HALF_UP);
        indicator.updatedAt = OffsetDateTime.now(clock);
    }

    /** The tolerance for {@code indicator}: its own, else the default. */
    public static double toleranceOf(Indicator indicator, double defaultTolerance) {
        BigDecimal own = indicator.yellowTolerance;
        return own == null ? defaultTolerance : own.doubleValue();
    }
}
