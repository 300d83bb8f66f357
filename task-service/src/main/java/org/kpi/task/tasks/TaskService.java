package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.task.TaskConfig;
import org.kpi.task.calendar.WorkCalendars;
import org.kpi.task.instructions.Instructions;
import org.kpi.task.targets.TargetReferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates, changes and moves tasks through their lifecycle; every write is audited and published. */
@ApplicationScoped
public class TaskService {

    public static final String ENTITY = "task";
    public static final String UPSERTED = "task.upserted";
    public static final String CLOSURE_REQUESTED = "task.closure-requested";
    public static final String RETURNED = "task.returned";
    public static final String CLOSED = "task.closed";
    public static final String SIGNED_FOR = "task.signed-for";
    /** The value of {@code source} for a task made from a leader instruction. */
    public static final String LEADER_INSTRUCTION = "LEADER_INSTRUCTION";

    @Inject
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    TaskConfig config;

    @Inject
    TargetReferences targets;

    @Inject
    TaskRows rows;

    @Inject
    Signatures signatures;

    @Inject
    WorkCalendars calendars;

    @Inject
    Instructions instructions;

    @Inject
    Clock clock;

    public TaskColourRule colourRule() {
        return new TaskColourRule(config.dueSoonDays(), config.redAfterDays());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The task as clients see it; a task read through the entity manager has its signatures loaded here. */
    public TaskView view(Task task) {
        if (task.signatures == null) {
            task.signatures = task.id == null ? List.of() : signatures.of(task.id);
        }
        return TaskView.of(task, colourRule(), today());
    }

    @Transactional
    public TaskView create(TaskCreate request) {
        Task task = newTask(request);
        return view(persistNew(task));
    }

    /**
     * Checks a request and builds the task it describes, without saving it. Every problem is a
     * {@link ProblemException} naming the field. Used by {@link #create} and the ledger import.
     */
    public Task newTask(TaskCreate request) {
        List<FieldError> errors = new ArrayList<>();
        String orgCode = request.orgUnitCode() == null || request.orgUnitCode().isBlank()
                ? caller.orgCode() : request.orgUnitCode().trim();
        OrgUnit org = tree.find(orgCode).orElse(null);
        if (org == null || !scope.covers(orgCode)) {
            throw ProblemException.invalid("orgUnitCode", "单位 " + orgCode + " 不存在或不在本人辖区内");
        }
        Task task = new Task();
        task.title = request.title().trim();
        task.description = request.description();
        task.category = trimToNull(request.category());
        task.source = trimToNull(request.source());
        task.orgUnitCode = org.code;
        task.orgPath = org.path;
        task.responsibleLeader = trimToNull(request.responsibleLeader());
        task.startDate = request.startDate();
        task.dueDate = request.dueDate();
        task.reportingCadence = request.reportingCadence() == null ? ReportingCadence.NONE : request.reportingCadence();
        if (request.quantity() != null) {
            task.quantityValue = request.quantity().value();
            task.quantityUnit = request.quantity().unit().trim();
            task.quantityQualifier = trimToNull(request.quantity().qualifier());
        }
        task.targetId = targets.visibleTargetId(request.targetId(), "targetId", errors);
        if (request.instructionId() != null) {
            task.instructionId = instructions.usableFor(request.instructionId(), org, "instructionId", errors);
            task.source = LEADER_INSTRUCTION;
        }
        task.status = TaskStatus.DRAFT;
        setUnits(task, request.leadUnitCode().trim(),
                request.coUnitCodes() == null ? List.of() : request.coUnitCodes(), errors);
        checkDates(task.startDate, task.dueDate, errors);
        List<MilestoneInput> milestones = request.milestones() == null ? List.of() : request.milestones();
        checkMilestones(milestones, task.startDate, task.dueDate, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int position = 0;
        for (MilestoneInput input : milestones) {
            task.milestones.add(newMilestone(task, input, position++));
        }
        task.refreshNextDueDate();
        return task;
    }

    /** Saves a task built by {@link #newTask}, audits and publishes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task persistNew(Task task) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        task.createdBy = caller.subject();
        task.createdAt = now;
        task.updatedAt = now;
        em.persist(task);
        em.flush();
        TaskEvent after = TaskEvent.of(task);
        outbox.publish(UPSERTED, key(task), after);
        audit.record("create", ENTITY, key(task), task.orgUnitCode, null, view(task));
        return task;
    }

    /** Read-only: runs without a transaction, the task and its collections in one statement. */
    public TaskView get(long id) {
        return view(access.readOnly(id));
    }

    @Transactional
    public TaskView patch(long id, TaskPatch patch, String ifMatch) {
        Task task = access.readableForUpdate(id);
        access.requireSupervisor(task);
        ETags.requireVersion(ETags.expectedVersion(ifMatch, patch.version()), task.version);
        TaskAction.EDIT.apply(task.status);
        TaskView before = view(task);
        List<FieldError> errors = new ArrayList<>();
        if (patch.title() != null) {
            if (patch.title().isBlank()) {
                errors.add(new FieldError("title", "任务名称不能为空"));
            }
            task.title = patch.title().trim();
        }
        if (patch.description() != null) {
            task.description = patch.description();
        }
        if (patch.category() != null) {
            task.category = trimToNull(patch.category());
        }
        if (patch.source() != null) {
            task.source = trimToNull(patch.source());
        }
        if (patch.responsibleLeader() != null) {
            task.responsibleLeader = trimToNull(patch.responsibleLeader());
        }
        if (patch.startDate() != null) {
            task.startDate = patch.startDate();
        }
        if (patch.dueDate() != null) {
            task.dueDate = patch.dueDate();
        }
        if (patch.reportingCadence() != null) {
            task.reportingCadence = patch.reportingCadence();
        }
        if (patch.quantity() != null) {
            task.quantityValue = patch.quantity().value();
            task.quantityUnit = patch.quantity().unit().trim();
            // a quantity sent without a qualifier keeps the one it has (a ledger row has none); "" clears it
            if (patch.quantity().qualifier() != null) {
                task.quantityQualifier = trimToNull(patch.quantity().qualifier());
            }
        }
        if (patch.targetId() != null) {
            task.targetId = patch.targetId() == 0 ? null
                    : targets.visibleTargetId(patch.targetId(), "targetId", errors);
        }
        String leadBefore = task.leadUnitCode;
        Set<String> unitsBefore = unitCodes(task);
        if (patch.leadUnitCode() != null || patch.coUnitCodes() != null) {
            String lead = patch.leadUnitCode() != null ? patch.leadUnitCode().trim() : task.leadUnitCode;
            List<String> co = patch.coUnitCodes() != null ? patch.coUnitCodes() : task.coUnitCodes();
            if (patch.leadUnitCode() != null && patch.coUnitCodes() == null) {
                co = co.stream().filter(code -> !code.equals(lead)).toList();
            }
            setUnits(task, lead, co, errors);
        }
        checkDates(task.startDate, task.dueDate, errors);
        if (patch.milestones() != null) {
            checkMilestones(patch.milestones(), task.startDate, task.dueDate, errors);
            if (errors.isEmpty()) {
                replaceMilestones(task, patch.milestones(), errors);
            }
        } else {
            for (int i = 0; i < task.milestones.size(); i++) {
                Milestone m = task.milestones.get(i);
                if (m.dueDate.isAfter(task.dueDate)) {
                    errors.add(new FieldError("dueDate", "完成时限不能早于节点“" + m.title + "”的时限 " + m.dueDate));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        task.refreshNextDueDate();
        if (!unitCodes(task).equals(unitsBefore) || !task.leadUnitCode.equals(leadBefore)) {
            unitsChanged(task, leadBefore, unitsBefore);
        }
        return saved(task, "update", before);
    }

    @Transactional
    public TaskView assign(long id, String ifMatch) {
        Task task = lockForSupervisor(id, ifMatch);
        TaskView before = view(task);
        task.status = TaskAction.ASSIGN.apply(task.status);
        handOut(task);
        return saved(task, "assign", before);
    }

    /**
     * After a change of units: a unit that left loses its signature; a new lead signs again as
     * the lead; a task already handed out is handed out again, so the units new to it get the
     * full time to sign; an open reassignment request by the former lead is closed.
     */
    private void unitsChanged(Task task, String leadBefore, Set<String> unitsBefore) {
        signatures.keepOnly(task, unitCodes(task));
        if (!task.leadUnitCode.equals(leadBefore)) {
            signatures.remove(task, task.leadUnitCode);
            em.createNativeQuery("""
                            update reassignment_request
                               set status = 'REFUSED', decision_reason = ?1, decided_by = ?2, decided_at = ?3
                             where task_id = ?4 and status = 'PENDING'""")
                    .setParameter(1, "牵头单位已调整，申请自动关闭")
                    .setParameter(2, caller.subject())
                    .setParameter(3, OffsetDateTime.now(clock))
                    .setParameter(4, task.id)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
        }
        boolean newcomers = !unitsBefore.containsAll(unitCodes(task)) || !task.leadUnitCode.equals(leadBefore);
        if (newcomers && task.status != TaskStatus.DRAFT) {
            handOut(task);
        }
    }

    private static Set<String> unitCodes(Task task) {
        Set<String> codes = new HashSet<>();
        task.units.forEach(u -> codes.add(u.unitCode));
        return codes;
    }

    /**
     * Starts the sign-for clock: the task counts as handed out now, and its units sign for it
     * within {@link TaskConfig#signForDays()} working days of today, by the loaded calendar.
     */
    void handOut(Task task) {
        LocalDate today = today();
        task.assignedAt = OffsetDateTime.now(clock);
        task.signForDue = calendars.between(today, today.plusDays(90)).plusWorkingDays(today, config.signForDays());
    }

    /** The caller's unit signs for the task (签收): the lead or a co-unit, once. */
    @Transactional
    public TaskView signFor(long id, String ifMatch) {
        Task task = access.readableForUpdate(id);
        UnitRole role = access.requireParticipant(task);
        ETags.requireVersionIfGiven(ifMatch, null, task.version);
        TaskAction.SIGN_FOR.apply(task.status);
        TaskView before = view(task);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!signatures.sign(task, caller.orgCode(), caller.subject(), false, now)) {
            Signature signed = task.signatures.stream().filter(s -> s.unitCode().equals(caller.orgCode()))
                    .findFirst().orElseThrow();
            throw ProblemException.conflict("本单位已于 " + signed.signedAt().atZoneSameInstant(clock.getZone())
                    .toLocalDateTime().withNano(0) + (signed.implicit() ? " 填报进展时签收" : " 签收") + "此任务");
        }
        TaskView after = saved(task, "sign-for", before);
        outbox.publish(SIGNED_FOR, key(task), new SignedFor(task.id, caller.orgCode(), role, now, false));
        return after;
    }

    @Transactional
    public TaskView completeMilestone(long id, long milestoneId, String ifMatch) {
        Task task = access.readableForUpdate(id);
        access.requireLeadOrSupervisor(task);
        checkIfMatch(ifMatch, task);
        Milestone milestone = task.milestones.stream().filter(m -> m.id == milestoneId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("任务 " + id + " 没有节点 " + milestoneId));
        TaskAction.COMPLETE_MILESTONE.apply(task.status);
        if (milestone.isCompleted()) {
            throw ProblemException.conflict("节点“" + milestone.title + "”已于 " + milestone.completedAt + " 完成");
        }
        TaskView before = view(task);
        milestone.completedAt = OffsetDateTime.now(clock);
        milestone.completedBy = caller.subject();
        task.refreshNextDueDate();
        return saved(task, "complete-milestone", before);
    }

    @Transactional
    public TaskView requestClosure(long id, ClosureRequest request, String ifMatch) {
        Task task = access.readableForUpdate(id);
        access.requireLead(task);
        checkIfMatch(ifMatch, task);
        TaskView before = view(task);
        task.status = TaskAction.REQUEST_CLOSURE.apply(task.status);
        task.closureSummary = request.summary().trim();
        task.closureRequestedAt = OffsetDateTime.now(clock);
        TaskView after = saved(task, "request-closure", before);
        publishTransition(CLOSURE_REQUESTED, task, task.closureSummary);
        return after;
    }

    /**
     * Closes the task with the assessor's rating, if one is given. {@code UNSATISFIED} does not
     * close: the task goes back to the lead unit with the comment as the reason.
     */
    @Transactional
    public TaskView close(long id, CloseRequest request, String ifMatch) {
        Rating rating = request == null ? null : request.rating();
        String comment = request == null ? null : trimToNull(request.comment());
        if (rating == Rating.UNSATISFIED && comment == null) {
            throw ProblemException.invalid("comment", "评价为不满意时须填写意见，作为退回原因");
        }
        Task task = lockForSupervisor(id, ifMatch);
        TaskView before = view(task);
        if (rating == Rating.UNSATISFIED) {
            task.status = TaskAction.RETURN.apply(task.status);
            rate(task, rating, comment);
            task.lastReason = comment;
            task.closureRequestedAt = null;
            task.closureSummary = null;
            TaskView after = saved(task, "return", before);
            publishTransition(RETURNED, task, comment);
            return after;
        }
        task.status = TaskAction.CLOSE.apply(task.status);
        task.closedAt = OffsetDateTime.now(clock);
        rate(task, rating, comment);
        TaskView after = saved(task, "close", before);
        publishTransition(CLOSED, task, task.closureSummary);
        return after;
    }

    private static void rate(Task task, Rating rating, String comment) {
        task.rating = rating;
        task.ratingComment = rating == null ? null : comment;
    }

    @Transactional
    public TaskView returnTask(long id, ReasonRequest request, String ifMatch) {
        Task task = lockForSupervisor(id, ifMatch);
        TaskView before = view(task);
        task.status = TaskAction.RETURN.apply(task.status);
        task.lastReason = request.reason().trim();
        task.closureRequestedAt = null;
        task.closureSummary = null;
        TaskView after = saved(task, "return", before);
        publishTransition(RETURNED, task, task.lastReason);
        return after;
    }

    @Transactional
    public TaskView reopen(long id, ReasonRequest request, String ifMatch) {
        Task task = lockForSupervisor(id, ifMatch);
        TaskView before = view(task);
        task.status = TaskAction.REOPEN.apply(task.status);
        task.lastReason = request.reason().trim();
        task.closedAt = null;
        task.closureRequestedAt = null;
        task.closureSummary = null;
        rate(task, null, null);
        return saved(task, "reopen", before);
    }

    @Transactional
    public TaskView cancel(long id, ReasonRequest request, String ifMatch) {
        Task task = lockForSupervisor(id, ifMatch);
        TaskView before = view(task);
        task.status = TaskAction.CANCEL.apply(task.status);
        task.lastReason = request == null || request.reason() == null ? null : request.reason().trim();
        return saved(task, "cancel", before);
    }

    /**
     * Saves a changed task inside the caller's transaction: bumps its version, audits the change
     * and publishes {@code task.upserted} when the change alters what that event carries (most
     * progress reports change only the percentage, which it does not). Other features (reports,
     * supervision orders) call it after changing a task they locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskView saved(Task task, String action, TaskView before) {
        task.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        return published(task, action, before);
    }

    /**
     * Saves what a progress report changed in a task locked by {@link TaskAccess#readableLocked}
     * (status, percentage, quantity reached) in one statement, then audits and publishes it as
     * {@link #saved} does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskView savedProgress(Task task, TaskView before) {
        task.updatedAt = OffsetDateTime.now(clock);
        task.version = rows.saveProgress(task);
        return published(task, "report", before);
    }

    private TaskView published(Task task, String action, TaskView before) {
        TaskView after = view(task);
        TaskEvent event = TaskEvent.of(task);
        if (!event.carriesSameStateAs(TaskEvent.of(before))) {
            outbox.publish(UPSERTED, key(task), event);
        }
        audit.record(action, ENTITY, key(task), task.orgUnitCode, before, after);
        return after;
    }

    private void publishTransition(String type, Task task, String text) {
        outbox.publish(type, key(task), new TaskTransitionEvent(task.id, task.title, task.orgUnitCode,
                task.leadUnitCode, task.status, text, caller.subject(), task.updatedAt, task.rating,
                task.ratingComment));
    }

    Task lockForSupervisor(long id, String ifMatch) {
        Task task = access.readableForUpdate(id);
        access.requireSupervisor(task);
        checkIfMatch(ifMatch, task);
        return task;
    }

    /** Lifecycle actions need If-Match with the task's current version (428 without, 409 when stale). */
    private static void checkIfMatch(String ifMatch, Task task) {
        ETags.requireIfMatch(ifMatch, task.version);
    }

    void setUnits(Task task, String lead, List<String> coUnits, List<FieldError> errors) {
        Set<TaskUnit> units = new HashSet<>();
        OrgUnit leadUnit = unitWithin(lead, task, "leadUnitCode", errors);
        if (leadUnit != null) {
            units.add(new TaskUnit(leadUnit.code, UnitRole.LEAD, leadUnit.path));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < coUnits.size(); i++) {
            String code = coUnits.get(i) == null ? "" : coUnits.get(i).trim();
            String field = "coUnitCodes[" + i + "]";
            if (code.equals(lead)) {
                errors.add(new FieldError(field, "配合单位不能与牵头单位相同"));
                continue;
            }
            if (!seen.add(code)) {
                errors.add(new FieldError(field, "配合单位 " + code + " 重复"));
                continue;
            }
            OrgUnit unit = unitWithin(code, task, field, errors);
            if (unit != null) {
                units.add(new TaskUnit(unit.code, UnitRole.CO, unit.path));
            }
        }
        task.leadUnitCode = lead;
        task.units.clear();
        task.units.addAll(units);
    }

    private OrgUnit unitWithin(String code, Task task, String field, List<FieldError> errors) {
        OrgUnit unit = tree.find(code).orElse(null);
        if (unit == null || !unit.path.startsWith(task.orgPath)) {
            errors.add(new FieldError(field, "单位 " + code + " 不存在或不在任务所属单位 " + task.orgUnitCode + " 之下"));
            return null;
        }
        return unit;
    }

    private static void checkDates(LocalDate start, LocalDate due, List<FieldError> errors) {
        if (start != null && due != null && start.isAfter(due)) {
            errors.add(new FieldError("startDate", "开始日期不能晚于完成时限"));
        }
    }

    private static void checkMilestones(List<MilestoneInput> milestones, LocalDate start, LocalDate due,
                                        List<FieldError> errors) {
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneInput m = milestones.get(i);
            if (m == null || m.dueDate() == null) {
                continue;
            }
            if (due != null && m.dueDate().isAfter(due)) {
                errors.add(new FieldError("milestones[" + i + "].dueDate", "节点时限不能晚于任务完成时限 " + due));
            }
            if (start != null && m.dueDate().isBefore(start)) {
                errors.add(new FieldError("milestones[" + i + "].dueDate", "节点时限不能早于开始日期 " + start));
            }
        }
    }

    private void replaceMilestones(Task task, List<MilestoneInput> inputs, List<FieldError> errors) {
        Map<Long, Milestone> existing = new HashMap<>();
        for (Milestone m : task.milestones) {
            existing.put(m.id, m);
        }
        List<Milestone> next = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < inputs.size(); i++) {
            MilestoneInput input = inputs.get(i);
            if (input.id() != null) {
                Milestone kept = existing.remove(input.id());
                if (kept == null) {
                    errors.add(new FieldError("milestones[" + i + "].id", "本任务没有节点 " + input.id()));
                    continue;
                }
                kept.title = input.title().trim();
                kept.dueDate = input.dueDate();
                kept.position = position++;
                next.add(kept);
            } else {
                next.add(newMilestone(task, input, position++));
            }
        }
        if (errors.isEmpty()) {
            task.milestones.clear();
            task.milestones.addAll(next);
        }
    }

    private static Milestone newMilestone(Task task, MilestoneInput input, int position) {
        Milestone milestone = new Milestone();
        milestone.task = task;
        milestone.title = input.title().trim();
        milestone.dueDate = input.dueDate();
        milestone.position = position;
        return milestone;
    }

    static String key(Task task) {
        return Long.toString(task.id);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
