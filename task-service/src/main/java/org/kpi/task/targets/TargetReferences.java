package org.kpi.task.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.problem.FieldError;
import org.kpi.common.security.Scope;

import java.util.List;

/**
 * Checks a {@code targetId} named in a request against the local copy of target-service's
 * targets: it must name a target the caller may see there — one whose org unit or responsible unit
 * the caller covers. A target that does not exist (or has not reached this service yet) and one
 * the caller may not see are refused with the same field error, so a request cannot probe
 * another scope's targets.
 */
@ApplicationScoped
public class TargetReferences {

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    /**
     * The target id ({@code null} for none), or {@code null} with a field
     * error added to {@code errors} when it names no target the caller may see.
     */
    public Long visibleTargetId(Long targetId, String field, List<FieldError> errors) {
        if (targetId == null) {
            return null;
        }
        TargetCopy target = targetId > 0 ? em.find(TargetCopy.class, targetId) : null;
        if (target == null || !(scope.covers(target.orgUnitCode) || scope.covers(target.responsibleUnitCode))) {
            errors.add(new FieldError(field, "目标 " + targetId + " 不存在或不在本人辖区内"));
            return null;
        }
        return targetId;
    }
}
