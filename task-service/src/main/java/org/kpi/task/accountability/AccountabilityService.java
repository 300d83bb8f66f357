package org.kpi.task.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.targets.TargetReferences;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskAccess;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accountability records: supervisors record them against units in their subtree; supervisors
 * and leaders read those of their subtree, a department those against itself.
 */
@ApplicationScoped
public class AccountabilityService {

    public static final String RECORDED = "accountability.recorded";
    static final String ENTITY = "accountability-record";

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    TaskAccess access;

    @Inject
    TargetReferences targets;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public AccountabilityView record(AccountabilityCreate request) {
        String code = request.orgUnitCode().trim();
        OrgUnit unit = tree.find(code).orElse(null);
        if (unit == null || !scope.covers(code)) {
            throw ProblemException.invalid("orgUnitCode", "单位 " + code + " 不存在或不在本人辖区内");
        }
        if (request.taskId() != null) {
            Task task;
            try {
                task = access.readable(request.taskId());
            } catch (ProblemException e) {
                throw ProblemException.invalid("taskId", "任务 " + request.taskId() + " 不存在或不在本人辖区内");
            }
            if (!access.canSupervise(task)) {
                throw ProblemException.invalid("taskId", "任务 " + request.taskId() + " 不存在或不在本人辖区内");
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Long targetId = targets.visibleTargetId(request.targetId(), "targetId", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AccountabilityRecord record = new AccountabilityRecord();
        record.orgUnitCode = unit.code;
        record.orgPath = unit.path;
        record.kind = request.kind();
        record.reason = request.reason().trim();
        record.taskId = request.taskId();
        record.targetId = targetId;
        record.recordedBy = caller.subject();
        record.recordedAt = OffsetDateTime.now(clock);
        em.persist(record);
        em.flush();
        AccountabilityView view = AccountabilityView.of(record);
        outbox.publish(RECORDED, Long.toString(record.id), view);
        audit.record("create", ENTITY, Long.toString(record.id), record.orgUnitCode, null, view);
        return view;
    }

    @Transactional
    public AccountabilityView get(long id) {
        AccountabilityRecord record = em.find(AccountabilityRecord.class, id);
        if (record == null || !canRead(record)) {
            throw ProblemException.notFound("问责记录 " + id + " 不存在或无权查看");
        }
        return AccountabilityView.of(record);
    }

    @Transactional
    public PageResult<AccountabilityView> list(String orgUnit, AccountabilityKind kind, Long taskId,
                                               PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        ScopePredicate visible;
        if (caller.isAdmin()) {
            visible = ScopePredicate.everything();
        } else if (caller.isSupervisor() || caller.isLeader()) {
            visible = scope.paths("scope", "r.org_path");
        } else if (caller.orgCode() != null) {
            visible = ScopePredicate.of("r.org_unit_code = :me", Map.of("me", caller.orgCode()));
        } else {
            visible = ScopePredicate.nothing();
        }
        StringBuilder where = new StringBuilder(" where ").append(visible.addTo(params));
        if (orgUnit != null) {
            String path = tree.pathOf(orgUnit).orElse(Scope.NOTHING);
            where.append(" and ").append(ScopePredicate.pathWithin("r.org_path", path, "unit").addTo(params));
        }
        if (kind != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", kind.name());
        }
        if (taskId != null) {
            where.append(" and r.task_id = :task");
            params.put("task", taskId);
        }
        Query query = em.createNativeQuery("select r.* from accountability_record r" + where
                + " order by r.recorded_at desc, r.id desc", AccountabilityRecord.class);
        Query count = em.createNativeQuery("select count(*) from accountability_record r" + where);
        for (Query q : List.of(query, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<AccountabilityRecord> records = query.setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        List<AccountabilityView> items = records.stream().map(AccountabilityView::of).toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    private boolean canRead(AccountabilityRecord record) {
        if (caller.isAdmin()) {
            return true;
        }
        if ((caller.isSupervisor() || caller.isLeader()) && OrgPath.isWithin(record.orgPath, scope.subtreePath())) {
            return true;
        }
        return caller.isDepartment() && record.orgUnitCode.equals(caller.orgCode());
    }
}
