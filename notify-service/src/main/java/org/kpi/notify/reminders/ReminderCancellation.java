package org.kpi.notify.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Withdraws what has not gone out yet once its reason is gone — a task closed, a milestone done,
 * a report or an actual filed, a task signed for: deliveries still waiting (quiet hours, digest, retries) are
 * cancelled, and a reminder none of whose deliveries was sent becomes {@code CANCELLED}. Runs in
 * the transaction that applies the feed event. Only ladder steps are withdrawn: a notice tells of
 * something that happened, which a later change does not undo.
 */
@ApplicationScoped
public class ReminderCancellation {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Everything pending about a task: its own steps, its milestones' and its reports'. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int task(long taskId) {
        return cancel("r.task_id = :first", taskId, null);
    }

    /** The task's own steps for a due date other than {@code dueDate} (the date moved). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int taskDueDateMoved(long taskId, LocalDate dueDate) {
        return cancel("r.subject_type = 'TASK' and r.subject_id = :first and r.due_date <> :second", taskId, dueDate);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int milestone(long milestoneId) {
        return cancel("r.subject_type = 'MILESTONE' and r.subject_id = :first", milestoneId, null);
    }

    /** A unit's report reminders on a task (any period up to the report). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int report(long taskId, String unitCode) {
        return cancel("r.subject_type = 'REPORT' and r.subject_id = :first and r.org_unit_code = :second", taskId,
                unitCode);
    }

    /**
     * The sign-for reminders about units of a task that are no longer among {@code unsigned} — to
     * them and to the offices escalated to about them (the unit chased is the subject key).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int signedFor(long taskId, List<String> unsigned) {
        return cancel("r.subject_type = 'SIGN_FOR' and r.subject_id = :first and not (r.subject_key = any(:second))",
                taskId, unsigned.toArray(String[]::new));
    }

    /** Reminders about a target's actual for {@code period}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int actual(long targetId, String period) {
        return cancel("r.subject_type = 'ACTUAL' and r.subject_id = :first and r.subject_key = :second", targetId,
                period);
    }

    /** A supervision order's ladder: the lead unit responded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int order(long orderId) {
        return cancel("r.subject_type = 'ORDER' and r.subject_id = :first", orderId, null);
    }

    private int cancel(String condition, Object first, Object second) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String which = "r.kind in ('NOTICE', 'URGE', 'YELLOW', 'RED') and " + condition;
        String reminders = "select r.id from reminder r where " + which;
        var deliveries = em.createNativeQuery("update delivery set status = 'CANCELLED', updated_at = :now, "
                        + "lease_until = null, version = version + 1 "
                        + "where status in ('PENDING', 'RETRYING') and reminder_id in (" + reminders + ")")
                .setParameter("now", now);
        bind(deliveries, first, second);
        int cancelled = deliveries.executeUpdate();
        var pending = em.createNativeQuery("update reminder r set status = case when exists (select 1 from delivery d "
                        + "where d.reminder_id = r.id and d.status = 'SENT') then 'SENT' "
                        + "when exists (select 1 from delivery d where d.reminder_id = r.id and d.status = 'SENDING') "
                        + "then 'PENDING' else 'CANCELLED' end, updated_at = :now "
                        + "where r.status = 'PENDING' and " + which)
                .setParameter("now", now);
        bind(pending, first, second);
        return cancelled + pending.executeUpdate();
    }

    private static void bind(jakarta.persistence.Query query, Object first, Object second) {
        if (first != null) {
            query.setParameter("first", first);
        }
        if (second != null) {
            query.setParameter("second", second);
        }
    }
}
