package org.kpi.goals.indicators;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.targets.ColourRefresh;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator catalogue, read by every org unit. Each indicator has an owner: the org unit of the
 * supervisor (or admin) who created it. Only supervisors covering the owner, and admins, change it;
 * a change is published as {@code indicator.upserted} and recolours the indicator's targets at once.
 */
@ApplicationScoped
public class IndicatorService {

    public static final String UPSERTED = "indicator.upserted";
    static final String ENTITY = "indicator";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    ProgressService progress;

    @Inject
    ColourRefresh colours;

    @Inject
    Clock clock;

    @Transactional
    public IndicatorView create(IndicatorRequest request) {
        String owner = ownerOfNew();
        if (em.find(Indicator.class, request.code()) != null) {
            throw ProblemException.conflict("指标代码 " + request.code() + " 已存在");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Indicator indicator = new Indicator();
        indicator.code = request.code();
        indicator.createdAt = now;
        indicator.ownerUnitCode = owner;
        apply(indicator, request);
        em.persist(indicator);
        em.flush();
        IndicatorView view = IndicatorView.of(indicator);
        outbox.publish(UPSERTED, indicator.code, view);
        audit.record("create", ENTITY, indicator.code, indicator.ownerUnitCode, null, view);
        return view;
    }

    /**
     * Changes an indicator (403 unless the caller covers its owner), then recolours its targets
     * at once, each in its own transaction after the change has committed.
     */
    public IndicatorView update(String code, IndicatorRequest request, String ifMatch) {
        IndicatorView view = QuarkusTransaction.requiringNew().call(() -> change(code, request, ifMatch));
        colours.recolourIndicator(code, progress.today());
        return view;
    }

    private IndicatorView change(String code, IndicatorRequest request, String ifMatch) {
        Indicator indicator = require(code);
        requireMaintainer(indicator);
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
        outbox.publish(UPSERTED, code, after);
        audit.record("update", ENTITY, code, indicator.ownerUnitCode, before, after);
        return after;
    }

    /** The owner of an indicator the caller creates now: its own org unit (an admin's only when known). */
    private String ownerOfNew() {
        String own = caller.orgCode();
        OrgUnit unit = tree.find(own).orElse(null);
        if (unit != null) {
            return unit.code;
        }
        if (caller.isAdmin()) {
            return null;
        }
        throw ProblemException.forbidden("本人所属单位 " + own + " 尚未登记，不能新建指标");
    }

    /** 403 unless the caller is an admin or a supervisor covering the indicator's owner. */
    private void requireMaintainer(Indicator indicator) {
        if (caller.isAdmin()) {
            return;
        }
        if (indicator.ownerUnitCode == null) {
            throw ProblemException.forbidden("指标 " + indicator.code + " 由管理员维护，只有管理员可以修改");
        }
        if (!caller.isSupervisor() || !scope.covers(indicator.ownerUnitCode)) {
            throw ProblemException.forbidden("指标 " + indicator.code + " 属于单位 " + indicator.ownerUnitCode
                    + "，只有该单位及其上级单位的督查人员可以修改");
        }
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
        // loaded by id (one statement with an array of codes): a query with an in list would be
        // translated anew for every number of codes
        return em.unwrap(Session.class).byMultipleIds(Indicator.class)
                .withBatchSize(codes.size())
                .multiLoad(List.copyOf(codes)).stream()
                .filter(Objects::nonNull)
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
