package org.kpi.common.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.kpi.common.PlatformConfig;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the org tree within the caller's scope; in the owning service, also changes it. */
@ApplicationScoped
public class OrgUnitService {

    public static final String UPSERTED = "org-unit.upserted";
    static final String ENTITY = "org-unit";

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    PlatformConfig config;

    @Inject
    Clock clock;

    @Transactional
    public OrgUnitView create(OrgUnitCreate request) {
        requireOwner();
        if (em.find(OrgUnit.class, request.code()) != null) {
            throw ProblemException.conflict("组织机构代码 " + request.code() + " 已存在");
        }
        OrgUnit parent = null;
        if (request.parentCode() != null) {
            parent = tree.find(request.parentCode()).orElseThrow(() ->
                    ProblemException.invalid("parentCode", "上级机构 " + request.parentCode() + " 不存在"));
        }
        if (!request.type().mayHaveParent(parent == null ? null : parent.type)) {
            throw ProblemException.invalid("parentCode", parent == null
                    ? request.type() + " 必须指定上级机构"
                    : request.type() + " 不能设在 " + parent.type + " 之下");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OrgUnit unit = new OrgUnit();
        unit.code = request.code();
        unit.name = request.name().trim();
        unit.type = request.type();
        unit.parentCode = parent == null ? null : parent.code;
        unit.path = OrgPath.of(parent == null ? null : parent.path, unit.code);
        unit.createdAt = now;
        unit.updatedAt = now;
        em.persist(unit);
        em.flush();
        tree.changed();
        OrgUnitView view = OrgUnitView.of(unit);
        outbox.publish(UPSERTED, unit.code, view);
        audit.record("create", ENTITY, unit.code, unit.code, null, view);
        return view;
    }

    @Transactional
    public OrgUnitView rename(String code, OrgUnitRename request, String ifMatch) {
        requireOwner();
        OrgUnit unit = visible(code);
        long expected = ETags.expectedVersion(ifMatch, request.version());
        ETags.requireVersion(expected, unit.version);
        OrgUnitView before = OrgUnitView.of(unit);
        unit.name = request.name().trim();
        unit.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        OrgUnitView after = OrgUnitView.of(unit);
        outbox.publish(UPSERTED, unit.code, after);
        audit.record("rename", ENTITY, unit.code, unit.code, before, after);
        return after;
    }

    @Transactional
    public OrgUnitView get(String code) {
        return OrgUnitView.of(visible(code));
    }

    @Transactional
    public PageResult<OrgUnitView> list(String parentCode, OrgUnitType type, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scope.paths("scope", "u.path").addTo(params));
        if (parentCode != null) {
            where.append(" and u.parent_code = :parent");
            params.put("parent", parentCode);
        }
        if (type != null) {
            where.append(" and u.type = :type");
            params.put("type", type.name());
        }
        Query query = em.createNativeQuery("select u.* from org_unit u" + where + " order by u.path", OrgUnit.class);
        Query count = em.createNativeQuery("select count(*) from org_unit u" + where);
        for (Query q : List.of(query, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<OrgUnit> units = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<OrgUnitView> items = units.stream().map(OrgUnitView::of).toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    private OrgUnit visible(String code) {
        OrgUnit unit = tree.find(code).orElse(null);
        if (unit == null || !scope.covers(code)) {
            throw ProblemException.notFound("组织机构 " + code + " 不存在或无权查看");
        }
        return unit;
    }

    private void requireOwner() {
        if (!config.orgTreeOwner()) {
            throw new ProblemException(ProblemKind.METHOD_NOT_ALLOWED,
                    "组织机构由目标服务（target-service）维护，本服务只保存其副本");
        }
    }
}
