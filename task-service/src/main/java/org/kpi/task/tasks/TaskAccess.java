package org.kpi.task.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.org.OrgPath;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;

import java.util.List;
import java.util.Map;

/**
 * Object-level authorization for tasks. Supervisors and leaders see the tasks of units in their
 * subtree (a task belongs to its {@code orgUnitCode}); a department sees the tasks it leads or
 * co-works on; admins see everything. A task the caller cannot see is a 404; an action the
 * caller may not take on a task it sees is a 403.
 */
@RequestScoped
public class TaskAccess {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    TaskRows rows;

    /** The task, if the caller may read it; 404 otherwise. */
    public Task readable(long id) {
        return requireReadable(em.find(Task.class, id), id);
    }

    /**
     * The task with its units and milestones in one statement, detached (for display only), if
     * the caller may read it; 404 otherwise. For reads outside a transaction.
     */
    public Task readOnly(long id) {
        return requireReadable(rows.find(id), id);
    }

    /**
     * The task, locked for update, if the caller may read it; 404 otherwise. One statement reads
     * and locks it, with the caller's visibility in its {@code where}: a row the caller may not
     * see is neither returned nor locked, so such a caller cannot make writers wait. A writer that
     * committed in between is not a conflict (only a stale If-Match is): the lock waits for it and
     * the statement returns the row as that writer left it, checked again in Java.
     */
    public Task readableForUpdate(long id) {
        ScopePredicate visible = visibleTasks();
        List<?> rows = visible.bind(em.createNativeQuery("select t.* from task t where t.id = :id and " + visible.sql()
                        + " for no key update of t", Task.class).setParameter("id", id))
                .getResultList();
        return requireReadable(rows.isEmpty() ? null : (Task) rows.get(0), id);
    }

    /**
     * The task with its units and milestones, detached, its row locked as in
     * {@link #readableForUpdate}, if the caller may read it; 404 otherwise. For a write that changes
     * the row in SQL rather than through the entity manager (a progress report).
     */
    public Task readableLocked(long id) {
        return requireReadable(rows.findLocked(id, visibleTasks()), id);
    }

    /**
     * The rule of {@link #canRead} as SQL over the {@code task} table aliased {@code t}, for every
     * list, count and export of tasks or of what hangs on them.
     */
    public ScopePredicate visibleTasks() {
        if (caller.isAdmin()) {
            return ScopePredicate.everything();
        }
        ScopePredicate visible = ScopePredicate.nothing();
        if ((caller.isSupervisor() || caller.isLeader()) && caller.orgCode() != null) {
            visible = visible.or(scope.paths("scope", "t.org_path"));
        }
        if (caller.isDepartment() && caller.orgCode() != null) {
            visible = visible.or(ScopePredicate.of("t.id in (select v.task_id from task_unit v where v.unit_code = :me)",
                    Map.of("me", caller.orgCode())));
        }
        return visible;
    }

    public boolean canRead(Task task) {
        if (caller.isAdmin()) {
            return true;
        }
        if ((caller.isSupervisor() || caller.isLeader()) && inSubtree(task)) {
            return true;
        }
        return caller.isDepartment() && task.roleOf(caller.orgCode()) != null;
    }

    /** Whether the caller supervises the task: an admin, or a supervisor of a unit above or at its unit. */
    public boolean canSupervise(Task task) {
        return caller.isAdmin() || (caller.isSupervisor() && inSubtree(task));
    }

    public void requireSupervisor(Task task) {
        if (!canSupervise(task)) {
            throw ProblemException.forbidden("只有本辖区的督查人员可以执行此操作");
        }
    }

    /** The role of the caller's department in the task; 403 for anyone else. */
    public UnitRole requireParticipant(Task task) {
        UnitRole role = caller.isDepartment() ? task.roleOf(caller.orgCode()) : null;
        if (role == null) {
            throw ProblemException.forbidden("只有牵头单位或配合单位可以执行此操作");
        }
        return role;
    }

    public void requireLead(Task task) {
        if (!caller.isDepartment() || task.roleOf(caller.orgCode()) != UnitRole.LEAD) {
            throw ProblemException.forbidden("只有牵头单位可以执行此操作");
        }
    }

    /** Lead unit or a supervisor of the task. */
    public void requireLeadOrSupervisor(Task task) {
        if (canSupervise(task)) {
            return;
        }
        requireLead(task);
    }

    private boolean inSubtree(Task task) {
        return OrgPath.isWithin(task.orgPath, scope.subtreePath());
    }

    private Task requireReadable(Task task, long id) {
        if (task == null || !canRead(task)) {
            throw ProblemException.notFound("任务 " + id + " 不存在或无权查看");
        }
        return task;
    }
}
