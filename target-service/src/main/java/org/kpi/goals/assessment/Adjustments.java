package org.kpi.goals.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.QueryParams;
import org.kpi.goals.progress.ProgressService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Discretionary bonuses and deductions (加减分) that supervisors of an org unit enter for its
 * departments, each with a reason; the {@code ADJUSTMENTS} component of a rulebook scores them.
 */
@ApplicationScoped
public class Adjustments {

    static final String ENTITY = "assessment-adjustment";

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    Rulebooks rulebooks;

    @Inject
    ProgressService progress;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public AdjustmentView create(AdjustmentCreate request) {
        OrgUnit org = tree.find(request.orgUnitCode().trim()).orElse(null);
        if (org == null || !(caller.isAdmin() || caller.isSupervisor() && scope.covers(org.code))) {
            throw ProblemException.invalid("orgUnitCode", "单位 " + request.orgUnitCode() + " 不存在或不在本人辖区内");
        }
        OrgUnit unit = tree.find(request.unitCode().trim()).orElse(null);
        if (unit == null || unit.type != OrgUnitType.DEPARTMENT || !OrgPath.isWithin(unit.path, org.path)) {
            throw ProblemException.invalid("unitCode", "部门 " + request.unitCode() + " 不存在或不在 " + org.name + " 之下");
        }
        if (request.points().signum() == 0) {
            throw ProblemException.invalid("points", "分值不能为 0");
        }
        LocalDate on = request.effectiveOn() == null ? progress.today() : request.effectiveOn();
        if (on.getYear() < QueryParams.MIN_YEAR || on.getYear() > QueryParams.MAX_YEAR) {
            throw ProblemException.invalid("effectiveOn", "日期应在 " + QueryParams.MIN_YEAR + " 到 " + QueryParams.MAX_YEAR
                    + " 年之间");
        }
        Rulebooks.lockYear(em, org.code, on.getYear());
        List<String> frozen = rulebooks.published(org.code, on.getYear()).stream()
                .filter(p -> Scorecards.period(p, on.getYear()).contains(on)).toList();
        if (!frozen.isEmpty()) {
            throw ProblemException.invalid("effectiveOn", on + " 所在的 " + String.join("、", frozen)
                    + " 已公布，加减分不再计入；请改为其后的日期，或通过申诉更正");
        }
        Number id = (Number) em.createNativeQuery("""
                        insert into assessment_adjustment (org_unit_code, unit_code, effective_on, points, reason,
                                                           created_by, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                .setParameter(1, org.code)
                .setParameter(2, unit.code)
                .setParameter(3, on)
                .setParameter(4, request.points())
                .setParameter(5, request.reason().trim())
                .setParameter(6, caller.subject())
                .setParameter(7, OffsetDateTime.now(clock))
                .getSingleResult();
        AdjustmentView view = find(id.longValue());
        audit.record("create", ENTITY, Long.toString(view.id()), org.code, null, view);
        return view;
    }

    /** The adjustments of {@code orgUnitCode}'s departments in {@code year} the caller may read; a department its own. */
    @Transactional
    public List<AdjustmentView> list(String orgUnitCode, int year) {
        Rulebooks.requireYear(year);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        boolean all = caller.isAdmin() || scope.covers(org.code);
        return rows("where org_unit_code = ?1 and extract(year from effective_on) = ?2"
                + (all ? "" : " and unit_code = ?3") + " order by effective_on, id", org.code, year,
                all ? null : caller.orgCode());
    }

    private AdjustmentView find(long id) {
        return rows("where id = ?1", id, null, null).get(0);
    }

    private List<AdjustmentView> rows(String where, Object first, Object second, Object third) {
        var query = em.createNativeQuery("select id, org_unit_code, unit_code, points, reason, effective_on, created_by,"
                + " created_at from assessment_adjustment " + where).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        if (third != null) {
            query.setParameter(3, third);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream().map(r -> new AdjustmentView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (BigDecimal) r[3], (String) r[4], (LocalDate) r[5], (String) r[6],
                OffsetDateTime.ofInstant((Instant) r[7], ZoneOffset.UTC))).toList();
    }
}
