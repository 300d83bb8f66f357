package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The units' signatures on tasks (签收), written in single statements beside the task row: a
 * signature is only ever added once or removed, never changed. The statements touch no task row,
 * so they do not flush a task changed in the same transaction: its version moves once, when the
 * change is saved.
 */
@ApplicationScoped
public class Signatures {

    @Inject
    EntityManager em;

    /** The signatures of a task, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Signature> of(long taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select unit_code, signed_at, signed_by, implicit from task_signature
                         where task_id = ?1 order by signed_at, unit_code""")
                .setParameter(1, taskId).setFlushMode(FlushModeType.COMMIT).getResultList();
        List<Signature> signatures = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            signatures.add(new Signature((String) row[0], OffsetDateTime.ofInstant((Instant) row[1], ZoneOffset.UTC),
                    (String) row[2], (Boolean) row[3]));
        }
        return signatures;
    }

    /**
     * Records that {@code unitCode} signed for {@code task}, unless it has already; returns whether
     * this call signed. The task's loaded signatures are brought up to date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sign(Task task, String unitCode, String subject, boolean implicit, OffsetDateTime at) {
        int written = em.createNativeQuery("""
                        insert into task_signature (task_id, unit_code, signed_at, signed_by, implicit)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (task_id, unit_code) do nothing""")
                .setParameter(1, task.id)
                .setParameter(2, unitCode)
                .setParameter(3, at)
                .setParameter(4, subject)
                .setParameter(5, implicit)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (written == 1 && task.signatures != null) {
            task.signatures = new ArrayList<>(task.signatures);
            task.signatures.add(new Signature(unitCode, at, subject, implicit));
        }
        return written == 1;
    }

    /** Removes the signatures of {@code task} by units other than {@code kept}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepOnly(Task task, Collection<String> kept) {
        em.createNativeQuery("delete from task_signature where task_id = ?1 and not (unit_code = any(?2))")
                .setParameter(1, task.id)
                .setParameter(2, kept.toArray(String[]::new))
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (task.signatures != null) {
            task.signatures = task.signatures.stream().filter(s -> kept.contains(s.unitCode())).toList();
        }
    }

    /** Removes {@code unitCode}'s signature on {@code task}, if it signed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Task task, String unitCode) {
        em.createNativeQuery("delete from task_signature where task_id = ?1 and unit_code = ?2")
                .setParameter(1, task.id)
                .setParameter(2, unitCode)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        if (task.signatures != null) {
            task.signatures = task.signatures.stream().filter(s -> !s.unitCode().equals(unitCode)).toList();
        }
    }
}
