package org.kpi.task.instructions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
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
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskAccess;
import org.kpi.task.tasks.TaskRows;
import org.kpi.task.tasks.TaskService;
import org.kpi.task.tasks.TaskStatus;
import org.kpi.task.tasks.TaskView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Leader instructions (批示件): registering them, the tasks made from them, and the feedback
 * report. Supervisors (and admins) see the instructions of their scope; a leader sees those
 * written by a leader of its own unit; a department sees those it has a task of, with only its
 * tasks. The feedback report is for the writing leader's unit and the supervisors.
 */
@ApplicationScoped
public class Instructions {

    static final String ENTITY = "instruction";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    AuditLog audit;

    @Inject
    TaskAccess access;

    @Inject
    TaskRows rows;

    @Inject
    TaskService tasks;

    @Inject
    Clock clock;

    @Transactional
    public InstructionView create(InstructionCreate request) {
        String orgCode = request.orgUnitCode() == null || request.orgUnitCode().isBlank()
                ? caller.orgCode() : request.orgUnitCode().trim();
        OrgUnit org = orgCode == null ? null : tree.find(orgCode).orElse(null);
        if (org == null || !scope.covers(orgCode)) {
            throw ProblemException.invalid("orgUnitCode", "单位 " + orgCode + " 不存在或不在本人辖区内");
        }
        List<FieldError> errors = new ArrayList<>();
        String leaderUnit;
        if (caller.isLeader() && !caller.isSupervisor() && !caller.isAdmin()) {
            leaderUnit = caller.orgCode();
        } else {
            leaderUnit = request.leaderUnitCode() == null || request.leaderUnitCode().isBlank()
                    ? org.code : request.leaderUnitCode().trim();
        }
        OrgUnit leaderOrg = tree.find(leaderUnit).orElse(null);
        if (leaderOrg == null || !OrgPath.isWithin(org.path, leaderOrg.path)) {
            errors.add(new FieldError("leaderUnitCode", "批示领导所在单位 " + leaderUnit + " 不存在，或不是承办机构 "
                    + org.code + " 本身或其上级"));
        }
        if (request.instructedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("instructedOn", "批示日期不能晚于今天"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instruction instruction = new Instruction();
        instruction.orgUnitCode = org.code;
        instruction.orgPath = org.path;
        instruction.leaderName = request.leaderName().trim();
        instruction.leaderUnitCode = leaderOrg.code;
        instruction.instructedOn = request.instructedOn();
        instruction.documentTitle = request.documentTitle().trim();
        instruction.documentNumber = request.documentNumber() == null || request.documentNumber().isBlank()
                ? null : request.documentNumber().trim();
        instruction.text = request.text().trim();
        instruction.createdBy = caller.subject();
        instruction.createdAt = OffsetDateTime.now(clock);
        em.persist(instruction);
        em.flush();
        InstructionView view = view(instruction, List.of(), List.of());
        audit.record("create", ENTITY, instruction.id.toString(), instruction.orgUnitCode, null, view);
        return view;
    }

    /** The instructions the caller may see, newest first, with where each stands. */
    @Transactional
    public PageResult<InstructionView> list(PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = visible().addTo(params);
        var query = em.createNativeQuery("select i.* from instruction i where " + where
                + " order by i.instructed_on desc, i.id desc", Instruction.class);
        var count = em.createNativeQuery("select count(*) from instruction i where " + where);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Instruction> found = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<Long, List<Object[]>> all = taskStates(found.stream().map(i -> i.id).toList(), null);
        Map<Long, List<Object[]>> own = caller.isDepartment() && caller.orgCode() != null
                ? taskStates(found.stream().map(i -> i.id).toList(), caller.orgCode()) : Map.of();
        List<InstructionView> items = found.stream()
                .map(i -> summary(i, (mayReadFeedback(i) ? all : own).getOrDefault(i.id, List.of())))
                .toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    /** The instruction with the tasks made from it that the caller may see. */
    @Transactional
    public InstructionView get(long id) {
        Instruction instruction = readable(id);
        List<Task> all = tasksOf(id);
        // a department counts only the tasks it takes part in: the others are not its to know of
        List<Task> seen = mayReadFeedback(instruction) ? all : all.stream().filter(access::canRead).toList();
        return view(instruction, seen, seen.stream().map(tasks::view).toList());
    }

    /** The feedback report: the writing leader's unit and the supervisors of its scope only. */
    @Transactional
    public InstructionFeedback feedback(long id) {
        Instruction instruction = readable(id);
        if (!mayReadFeedback(instruction)) {
            throw ProblemException.forbidden("只有批示领导所在单位和督查人员可以查看办理情况反馈");
        }
        List<Task> all = tasksOf(id);
        InstructionView view = view(instruction, all, List.of());
        List<InstructionFeedback.Item> items = all.stream().map(t -> new InstructionFeedback.Item(t.id, t.title,
                t.leadUnitCode, unitName(t.leadUnitCode), t.status, t.closedAt,
                t.status == TaskStatus.CLOSED ? t.closureSummary : null, t.rating)).toList();
        return new InstructionFeedback(instruction.id, instruction.leaderName, instruction.leaderUnitCode,
                instruction.instructedOn, instruction.documentTitle, instruction.documentNumber, instruction.text,
                view.status(), view.doneAt(), report(instruction, items), items);
    }

    /**
     * The id of an instruction a new task of {@code org} may be made from, or {@code null} with a
     * field error: the caller must see the instruction, and the task's unit must be the
     * instruction's or lie below it.
     */
    public Long usableFor(long instructionId, OrgUnit org, String field, List<FieldError> errors) {
        Instruction instruction = instructionId > 0 ? em.find(Instruction.class, instructionId) : null;
        if (instruction == null || !canRead(instruction)) {
            errors.add(new FieldError(field, "批示件 " + instructionId + " 不存在或无权查看"));
            return null;
        }
        if (org != null && !OrgPath.isWithin(org.path, instruction.orgPath)) {
            errors.add(new FieldError(field, "任务所属单位 " + org.code + " 不在批示件承办机构 "
                    + instruction.orgUnitCode + " 之内"));
            return null;
        }
        return instruction.id;
    }

    private Instruction readable(long id) {
        Instruction instruction = em.find(Instruction.class, id);
        if (instruction == null || !canRead(instruction)) {
            throw ProblemException.notFound("批示件 " + id + " 不存在或无权查看");
        }
        return instruction;
    }

    private boolean canRead(Instruction instruction) {
        if (caller.isAdmin() || mayReadFeedback(instruction)) {
            return true;
        }
        if (caller.isDepartment() && caller.orgCode() != null) {
            return ((Number) em.createNativeQuery("""
                            select count(*) from task t join task_unit u on u.task_id = t.id
                             where t.instruction_id = ?1 and u.unit_code = ?2""")
                    .setParameter(1, instruction.id).setParameter(2, caller.orgCode())
                    .getSingleResult()).longValue() > 0;
        }
        return false;
    }

    private boolean mayReadFeedback(Instruction instruction) {
        return caller.isAdmin()
                || (caller.isSupervisor() && OrgPath.isWithin(instruction.orgPath, scope.subtreePath()))
                || (caller.isLeader() && Objects.equals(caller.orgCode(), instruction.leaderUnitCode));
    }

    /** {@link #canRead} as SQL over {@code instruction i}. */
    private ScopePredicate visible() {
        if (caller.isAdmin()) {
            return ScopePredicate.everything();
        }
        ScopePredicate visible = ScopePredicate.nothing();
        if (caller.orgCode() == null) {
            return visible;
        }
        if (caller.isSupervisor()) {
            visible = visible.or(scope.paths("scope", "i.org_path"));
        }
        if (caller.isLeader()) {
            visible = visible.or(ScopePredicate.of("i.leader_unit_code = :leaderUnit",
                    Map.of("leaderUnit", caller.orgCode())));
        }
        if (caller.isDepartment()) {
            visible = visible.or(ScopePredicate.of("i.id in (select t.instruction_id from task t join task_unit u"
                    + " on u.task_id = t.id where u.unit_code = :myUnit and t.instruction_id is not null)",
                    Map.of("myUnit", caller.orgCode())));
        }
        return visible;
    }

    private List<Task> tasksOf(long instructionId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from task where instruction_id = ?1 order by id")
                .setParameter(1, instructionId).getResultList();
        return rows.load(ids.stream().map(Number::longValue).toList());
    }

    /**
     * Status and closing time of the tasks of each instruction, read in one statement: all of them,
     * or those {@code unit} takes part in.
     */
    private Map<Long, List<Object[]>> taskStates(List<Long> instructionIds, String unit) {
        Map<Long, List<Object[]>> states = new HashMap<>();
        if (instructionIds.isEmpty()) {
            return states;
        }
        var query = em.createNativeQuery("select t.instruction_id, t.status, t.closed_at from task t"
                        + " where t.instruction_id = any(?1)" + (unit == null ? ""
                        : " and exists (select 1 from task_unit u where u.task_id = t.id and u.unit_code = ?2)"))
                .setParameter(1, instructionIds.toArray(Long[]::new));
        if (unit != null) {
            query.setParameter(2, unit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        for (Object[] row : found) {
            states.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(row);
        }
        return states;
    }

    private InstructionView summary(Instruction instruction, List<Object[]> states) {
        List<Task> shapes = new ArrayList<>();
        for (Object[] state : states) {
            Task shape = new Task();
            shape.status = TaskStatus.valueOf((String) state[1]);
            shape.closedAt = state[2] == null ? null
                    : ((Instant) state[2]).atOffset(ZoneOffset.UTC);
            shapes.add(shape);
        }
        return view(instruction, shapes, null);
    }

    private static InstructionView view(Instruction i, List<Task> all, List<TaskView> visible) {
        int closed = (int) all.stream().filter(t -> t.status == TaskStatus.CLOSED).count();
        boolean finished = !all.isEmpty() && closed > 0
                && all.stream().allMatch(t -> t.status == TaskStatus.CLOSED || t.status == TaskStatus.CANCELLED);
        InstructionStatus status = all.isEmpty() ? InstructionStatus.PENDING
                : finished ? InstructionStatus.DONE : InstructionStatus.IN_PROGRESS;
        OffsetDateTime doneAt = !finished ? null : all.stream().map(t -> t.closedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new InstructionView(i.id, i.orgUnitCode, i.leaderName, i.leaderUnitCode, i.instructedOn,
                i.documentTitle, i.documentNumber, i.text, status, all.size(), closed, doneAt, i.createdBy,
                i.createdAt, i.version, visible);
    }

    private String unitName(String code) {
        return tree.find(code).map(u -> u.name).orElse(code);
    }

    /** The report's text as an office would write it: the instruction, then one paragraph per task. */
    private static String report(Instruction i, List<InstructionFeedback.Item> items) {
        StringBuilder text = new StringBuilder();
        text.append(i.leaderName).append("于").append(i.instructedOn.getYear()).append("年")
                .append(i.instructedOn.getMonthValue()).append("月").append(i.instructedOn.getDayOfMonth())
                .append("日在《").append(i.documentTitle).append("》");
        if (i.documentNumber != null) {
            text.append("（").append(i.documentNumber).append("）");
        }
        text.append("上批示：“").append(i.text).append("”。现将办理情况报告如下：");
        int n = 1;
        for (InstructionFeedback.Item item : items) {
            text.append("\n").append(n++).append(". ").append(item.title()).append("（牵头单位：")
                    .append(item.leadUnitName()).append("，").append(item.status().label()).append("）");
            if (item.closureSummary() != null) {
                text.append("：").append(item.closureSummary());
            }
            if (item.rating() != null) {
                text.append("（评价：").append(item.rating().label()).append("）");
            }
        }
        if (items.isEmpty()) {
            text.append("\n尚未分解任务。");
        }
        return text.toString();
    }
}
