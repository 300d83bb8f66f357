package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.web.ETags;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassignment (改派): instead of signing for a task — or after signing, on finding the work is
 * another unit's — its lead unit asks for it to go to another unit; a supervisor of the task
 * grants it — the task gets the new lead, whose sign-for clock starts again, and the old lead's
 * signature is void — or refuses with a reason. One request may be open per task.
 */
@ApplicationScoped
public class Reassignments {

    static final String ENTITY = "reassignment-request";
    public static final String REQUESTED = "task.reassignment-requested";
    public static final String DECIDED = "task.reassignment-decided";

    @Inject
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    TaskService tasks;

    @Inject
    Signatures signatures;

    @Inject
    OrgTree tree;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public ReassignmentView request(long taskId, ReassignmentRequestCreate body) {
        Task task = access.readableForUpdate(taskId);
        access.requireLead(task);
        TaskAction.REQUEST_REASSIGNMENT.apply(task.status);
        if (pending(task.id) != null) {
            throw ProblemException.conflict("此任务已有待审核的改派申请");
        }
        String suggested = body.suggestedUnitCode() == null || body.suggestedUnitCode().isBlank()
                ? null : body.suggestedUnitCode().trim();
        if (suggested != null) {
            List<FieldError> errors = new ArrayList<>();
            checkNewLead(task, suggested, "suggestedUnitCode", errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        ReassignmentRequest request = new ReassignmentRequest();
        request.taskId = task.id;
        request.fromUnitCode = task.leadUnitCode;
        request.suggestedUnitCode = suggested;
        request.reason = body.reason().trim();
        request.status = ReassignmentRequest.Status.PENDING;
        request.requestedBy = caller.subject();
        request.requestedAt = OffsetDateTime.now(clock);
        em.persist(request);
        em.flush();
        ReassignmentView view = ReassignmentView.of(request, task);
        outbox.publish(REQUESTED, TaskService.key(task), view);
        audit.record("request", ENTITY, request.id.toString(), task.orgUnitCode, null, view);
        return view;
    }

    /** Grants the open request: the task's lead becomes {@code body.leadUnitCode}, else the unit suggested. */
    @Transactional
    public ReassignmentView grant(long taskId, ReassignmentGrant body, String ifMatch) {
        Task task = access.readableForUpdate(taskId);
        access.requireSupervisor(task);
        ETags.requireVersionIfGiven(ifMatch, null, task.version);
        ReassignmentRequest request = requirePending(task);
        TaskAction.DECIDE_REASSIGNMENT.apply(task.status);
        if (!request.fromUnitCode.equals(task.leadUnitCode)) {
            throw ProblemException.conflict("申请提交后牵头单位已变更，请拒绝此申请");
        }
        String newLead = body != null && body.leadUnitCode() != null && !body.leadUnitCode().isBlank()
                ? body.leadUnitCode().trim() : request.suggestedUnitCode;
        List<FieldError> errors = new ArrayList<>();
        if (newLead == null) {
            errors.add(new FieldError("leadUnitCode", "申请未建议承办单位，请指定新的牵头单位"));
        } else {
            checkNewLead(task, newLead, "leadUnitCode", errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TaskView before = tasks.view(task);
        String oldLead = task.leadUnitCode;
        List<String> co = task.coUnitCodes().stream().filter(code -> !code.equals(newLead)).toList();
        tasks.setUnits(task, newLead, co, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the old lead's signature is void; a co-unit made lead signs again, as the lead
        signatures.remove(task, oldLead);
        signatures.remove(task, newLead);
        tasks.handOut(task);
        request.status = ReassignmentRequest.Status.GRANTED;
        request.newLeadUnitCode = newLead;
        decided(request, body == null ? null : body.reason());
        tasks.saved(task, "reassign", before);
        return published(request, task, "grant");
    }

    @Transactional
    public ReassignmentView refuse(long taskId, ReasonRequest body) {
        Task task = access.readableForUpdate(taskId);
        access.requireSupervisor(task);
        ReassignmentRequest request = requirePending(task);
        request.status = ReassignmentRequest.Status.REFUSED;
        decided(request, body.reason());
        return published(request, task, "refuse");
    }

    /** A unit a task may go to, by code and name. */
    public record UnitOption(String code, String name) {
    }

    /**
     * The departments under the task's org unit other than its lead: where the lead may suggest
     * the task go, and where a supervisor may send it. For the lead unit and the task's
     * supervisors (a department sees no other unit in the org tree otherwise).
     */
    @Transactional
    public List<UnitOption> candidates(long taskId) {
        Task task = access.readable(taskId);
        access.requireLeadOrSupervisor(task);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select code, name from org_unit
                         where type = 'DEPARTMENT' and path like ?1 escape '\\' and code <> ?2
                         order by code""")
                .setParameter(1, OrgPath.likeSubtree(task.orgPath))
                .setParameter(2, task.leadUnitCode)
                .getResultList();
        return rows.stream().map(r -> new UnitOption((String) r[0], (String) r[1])).toList();
    }

    /** The task's requests, newest first. */
    @Transactional
    public List<ReassignmentView> list(long taskId) {
        Task task = access.readable(taskId);
        return em.createQuery("from ReassignmentRequest r where r.taskId = :task order by r.requestedAt desc, r.id desc",
                        ReassignmentRequest.class)
                .setParameter("task", task.id).getResultList().stream()
                .map(r -> ReassignmentView.of(r, task)).toList();
    }

    private ReassignmentView published(ReassignmentRequest request, Task task, String action) {
        em.flush();
        ReassignmentView view = ReassignmentView.of(request, task);
        outbox.publish(DECIDED, TaskService.key(task), view);
        audit.record(action, ENTITY, request.id.toString(), task.orgUnitCode, null, view);
        return view;
    }

    private void decided(ReassignmentRequest request, String reason) {
        request.decisionReason = reason == null || reason.isBlank() ? null : reason.trim();
        request.decidedBy = caller.subject();
        request.decidedAt = OffsetDateTime.now(clock);
    }

    private void checkNewLead(Task task, String code, String field, List<FieldError> errors) {
        OrgUnit unit = tree.find(code).orElse(null);
        if (unit == null || !OrgPath.isWithin(unit.path, task.orgPath)) {
            errors.add(new FieldError(field, "单位 " + code + " 不存在或不在任务所属单位 " + task.orgUnitCode + " 之下"));
        } else if (code.equals(task.leadUnitCode)) {
            errors.add(new FieldError(field, "单位 " + code + " 已是此任务的牵头单位"));
        }
    }

    private ReassignmentRequest requirePending(Task task) {
        ReassignmentRequest request = pending(task.id);
        if (request == null) {
            throw ProblemException.conflict("此任务没有待审核的改派申请");
        }
        return request;
    }

    private ReassignmentRequest pending(long taskId) {
        return em.createQuery("from ReassignmentRequest r where r.taskId = :task and r.status = :pending",
                        ReassignmentRequest.class)
                .setParameter("task", taskId)
                .setParameter("pending", ReassignmentRequest.Status.PENDING)
                .getResultStream().findFirst().orElse(null);
    }
}
