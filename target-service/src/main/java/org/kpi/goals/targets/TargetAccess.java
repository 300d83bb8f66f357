package org.kpi.goals.targets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;

/**
 * Who may do what with a target. A target is visible to whoever covers its org unit or its
 * responsible unit (a department sees the targets it answers for); supervisors manage the
 * targets of their subtree; only the responsible department reports actuals.
 */
@RequestScoped
public class TargetAccess {

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    public boolean canSee(Target target) {
        return scope.covers(target.orgUnitCode) || scope.covers(target.responsibleUnitCode);
    }

    /** 404 unless visible. */
    public void requireVisible(Target target) {
        if (!canSee(target)) {
            throw ProblemException.notFound("目标 " + target.id + " 不存在或无权查看");
        }
    }

    /** 404 unless visible, 403 unless the caller is a supervisor over the target's org unit (or an admin). */
    public void requireManage(Target target) {
        requireVisible(target);
        boolean manages = caller.isAdmin() || (caller.isSupervisor() && scope.covers(target.orgUnitCode));
        if (!manages) {
            throw ProblemException.forbidden("只有目标所属单位的督查人员可以执行此操作");
        }
    }

    /** 404 unless visible, 403 unless the caller is the responsible department (or an admin). */
    public void requireResponsible(Target target) {
        requireVisible(target);
        boolean responsible = caller.isAdmin()
                || (caller.isDepartment() && target.responsibleUnitCode.equals(caller.orgCode()));
        if (!responsible) {
            throw ProblemException.forbidden("只有责任单位可以填报实绩");
        }
    }
}
