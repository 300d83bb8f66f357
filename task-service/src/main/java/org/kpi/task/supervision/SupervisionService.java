package org.kpi.task.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskAccess;
import org.kpi.task.tasks.TaskAction;
import org.kpi.task.tasks.TaskService;
import org.kpi.task.tasks.TaskView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supervision orders: a supervisor issues one on a task in scope; the lead unit answers it. The
 * task carries the earliest unanswered {@code respondBy}, so lists show late answers.
 */
@ApplicationScoped
public class SupervisionService {

    public static final String ISSUED = "supervision-order.issued";
    public static final String RESPONDED = "supervision-order.responded";
    static final String ENTITY = "supervision-order";

    @Inject
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    TaskService tasks;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional
    public SupervisionOrderView issue(long taskId, SupervisionOrderCreate request) {
        Task task = access.readableForUpdate(taskId);
        access.requireSupervisor(task);
        TaskAction.ISSUE_ORDER.apply(task.status);
        LocalDate today = LocalDate.now(clock);
        if (request.respondBy().isBefore(today)) {
            throw ProblemException.invalid("respondBy", "反馈时限不能早于今天 " + today);
        }
        TaskView before = tasks.view(task);
        SupervisionOrder order = new SupervisionOrder();
        order.taskId = task.id;
        order.level = request.level();
        order.reason = request.reason().trim();
        order.respondBy = request.respondBy();
        order.issuedBy = caller.subject();
        order.issuedAt = OffsetDateTime.now(clock);
        em.persist(order);
        em.flush();
        refreshResponseDue(task);
        tasks.saved(task, "issue-supervision-order", before);
        outbox.publish(ISSUED, Long.toString(order.id), new SupervisionOrderIssued(order.id, task.id, task.title,
                task.orgUnitCode, task.leadUnitCode, order.level, order.reason, order.respondBy, order.issuedBy,
                order.issuedAt));
        SupervisionOrderView view = SupervisionOrderView.of(order, today);
        audit.record("issue", ENTITY, Long.toString(order.id), task.orgUnitCode, null, view);
        return view;
    }

    @Transactional
    public SupervisionOrderView respond(long orderId, SupervisionResponse request, String ifMatch) {
        // access first, without a lock: a caller who may not see the order cannot make writers wait
        SupervisionOrder order = em.find(SupervisionOrder.class, orderId);
        if (order == null) {
            throw ProblemException.notFound("督办单 " + orderId + " 不存在或无权查看");
        }
        Task task = visibleTask(order);
        access.requireLead(task);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order);
        em.lock(task, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        ETags.requireIfMatch(ifMatch, order.version);
        if (order.isAnswered()) {
            throw ProblemException.conflict("督办单 " + orderId + " 已于 " + order.respondedAt + " 反馈");
        }
        LocalDate today = LocalDate.now(clock);
        TaskView before = tasks.view(task);
        SupervisionOrderView orderBefore = SupervisionOrderView.of(order, today);
        order.responseText = request.text().trim();
        order.respondedBy = caller.subject();
        order.respondedAt = OffsetDateTime.now(clock);
        em.flush();
        refreshResponseDue(task);
        tasks.saved(task, "answer-supervision-order", before);
        outbox.publish(RESPONDED, Long.toString(order.id), new SupervisionOrderResponded(order.id, task.id,
                task.leadUnitCode, order.respondedAt));
        SupervisionOrderView view = SupervisionOrderView.of(order, today);
        audit.record("respond", ENTITY, Long.toString(order.id), task.orgUnitCode, orderBefore, view);
        return view;
    }

    @Transactional
    public SupervisionOrderView get(long orderId) {
        SupervisionOrder order = em.find(SupervisionOrder.class, orderId);
        if (order == null) {
            throw ProblemException.notFound("督办单 " + orderId + " 不存在或无权查看");
        }
        try {
            access.readable(order.taskId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("督办单 " + orderId + " 不存在或无权查看");
        }
        return SupervisionOrderView.of(order, LocalDate.now(clock));
    }

    @Transactional
    public PageResult<SupervisionOrderView> listForTask(long taskId, PageRequest page) {
        Task task = access.readable(taskId);
        LocalDate today = LocalDate.now(clock);
        List<SupervisionOrderView> items = em.createQuery(
                        "from SupervisionOrder o where o.taskId = :task order by o.issuedAt desc, o.id desc",
                        SupervisionOrder.class)
                .setParameter("task", task.id)
                .setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(o -> SupervisionOrderView.of(o, today)).toList();
        long total = em.createQuery("select count(o) from SupervisionOrder o where o.taskId = :task", Long.class)
                .setParameter("task", task.id).getSingleResult();
        return PageResult.of(items, page, total);
    }

    /**
     * Supervision orders of every task the caller may read (see {@link TaskAccess}), earliest
     * {@code respondBy} first; {@code overdue} selects unanswered orders past their date.
     */
    @Transactional
    public PageResult<SupervisionOrderView> list(Boolean overdue, Boolean answered, SupervisionLevel level,
                                                 PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(access.visibleTasks().addTo(params));
        if (overdue != null) {
            where.append(overdue ? " and o.responded_at is null and o.respond_by < :today"
                    : " and (o.responded_at is not null or o.respond_by >= :today)");
            params.put("today", today);
        }
        if (answered != null) {
            where.append(answered ? " and o.responded_at is not null" : " and o.responded_at is null");
        }
        if (level != null) {
            where.append(" and o.level = :level");
            params.put("level", level.name());
        }
        String from = " from supervision_order o join task t on t.id = o.task_id" + where;
        Query query = em.createNativeQuery("select o.*" + from + " order by o.respond_by, o.id", SupervisionOrder.class);
        Query count = em.createNativeQuery("select count(*)" + from);
        for (Query q : List.of(query, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<SupervisionOrder> orders = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<SupervisionOrderView> items = orders.stream().map(o -> SupervisionOrderView.of(o, today)).toList();
        return PageResult.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    private Task visibleTask(SupervisionOrder order) {
        try {
            return access.readable(order.taskId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("督办单 " + order.id + " 不存在或无权查看");
        }
    }

    private void refreshResponseDue(Task task) {
        task.responseDueDate = em.createQuery("select min(o.respondBy) from SupervisionOrder o "
                        + "where o.taskId = :task and o.respondedAt is null", LocalDate.class)
                .setParameter("task", task.id)
                .getSingleResult();
    }
}
