package org.kpi.notify.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.notify.NativeRows;
import org.kpi.notify.contacts.ChannelType;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery table as the workers use it: claiming due deliveries without two workers ever
 * holding the same one, and writing back what became of each attempt.
 *
 * <p>A claimed delivery is {@code SENDING} with {@code lease_until} and {@code next_attempt_at}
 * both set to the end of the lease, so "due" is one condition for new, retried and abandoned
 * work alike: {@code next_attempt_at <= now}. A worker that dies holding a claim leaves it to be
 * taken over when the lease ends.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String DUE = "status in ('PENDING', 'RETRYING', 'SENDING') and next_attempt_at <= :now";
    private static final int MAX_ERROR = 500;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Claims up to {@code batch} due deliveries for {@code lease}, oldest first, skipping rows
     * other workers hold. A claimed delivery of a daily digest brings the rest of its group along
     * (those not held elsewhere this instant), so a digest goes out as one message.
     */
    public List<ClaimedDelivery> claim(int batch, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(lease);
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("select id, digest_group from delivery where " + DUE
                            + " order by next_attempt_at, id limit :batch for update skip locked")
                    .setParameter("now", now)
                    .setParameter("batch", batch)
                    .getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            Set<Long> ids = new LinkedHashSet<>();
            Set<String> groups = new LinkedHashSet<>();
            for (Object[] row : due) {
                ids.add(((Number) row[0]).longValue());
                if (row[1] != null) {
                    groups.add((String) row[1]);
                }
            }
            if (!groups.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Number> rest = em.createNativeQuery("select id from delivery where digest_group in (:groups) and "
                                + DUE + " and id not in (:ids) for update skip locked")
                        .setParameter("groups", groups)
                        .setParameter("now", now)
                        .setParameter("ids", ids)
                        .getResultList();
                rest.forEach(id -> ids.add(id.longValue()));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            update delivery
                               set status = 'SENDING', attempts = attempts + 1, lease_until = :until,
                                   next_attempt_at = :until, updated_at = :now, version = version + 1
                             where id in (:ids)
                            returning id, reminder_id, org_unit_code, channel, address, title, body, link,
                                      cast(facts as text), cast(idempotency_key as text), attempts, digest_group, created_at""")
                    .setParameter("until", until)
                    .setParameter("now", now)
                    .setParameter("ids", ids)
                    .getResultList();
            List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                claimed.add(new ClaimedDelivery(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        (String) row[2], ChannelType.valueOf((String) row[3]), (String) row[4], (String) row[5],
                        (String) row[6], (String) row[7], (String) row[8], (String) row[9], ((Number) row[10]).intValue(),
                        (String) row[11], NativeRows.timestamp(row[12], ZoneOffset.UTC)));
            }
            claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
            return claimed;
        });
    }

    /**
     * Writes the outcomes of one round and moves each reminder concerned to what its deliveries
     * say: {@code SENT} once any delivery is sent, {@code FAILED} once all that are left are dead.
     * A success is recorded whoever holds the claim now (the peer has the message); a failure only
     * by the claim that made it, so a worker whose lease was taken over cannot undo a newer result.
     */
    public void complete(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> sent = new ArrayList<>();
            Set<Long> reminders = new LinkedHashSet<>();
            for (DeliveryOutcome outcome : outcomes) {
                reminders.add(outcome.delivery().reminderId());
                if (outcome.status() == DeliveryStatus.SENT) {
                    sent.add(outcome.delivery().id());
                    continue;
                }
                if (outcome.status() == DeliveryStatus.PENDING) {
                    // throttled before sending: the claim's attempt is given back
                    em.createNativeQuery("""
                                    update delivery
                                       set status = case when attempts > 1 then 'RETRYING' else 'PENDING' end,
                                           attempts = attempts - 1, lease_until = null, next_attempt_at = :next,
                                           updated_at = :now, version = version + 1
                                     where id = :id and status = 'SENDING' and attempts = :attempt""")
                            .setParameter("next", outcome.nextAttempt().atOffset(ZoneOffset.UTC))
                            .setParameter("now", now)
                            .setParameter("id", outcome.delivery().id())
                            .setParameter("attempt", outcome.delivery().attempt())
                            .executeUpdate();
                    continue;
                }
                em.createNativeQuery("""
                                update delivery
                                   set status = :status, last_error = :error, lease_until = null,
                                       next_attempt_at = :next, updated_at = :now,
                                       version = version + 1
                                 where id = :id and status = 'SENDING' and attempts = :attempt""")
                        .setParameter("status", outcome.status().name())
                        .setParameter("error", truncate(outcome.error()))
                        .setParameter("next", outcome.nextAttempt() == null ? now
                                : outcome.nextAttempt().atOffset(ZoneOffset.UTC))
                        .setParameter("now", now)
                        .setParameter("id", outcome.delivery().id())
                        .setParameter("attempt", outcome.delivery().attempt())
                        .executeUpdate();
            }
            if (!sent.isEmpty()) {
                em.createNativeQuery("""
                                update delivery
                                   set status = 'SENT', sent_at = :now, last_error = null, lease_until = null,
                                       updated_at = :now, version = version + 1
                                 where id in (:ids) and status <> 'SENT'""")
                        .setParameter("now", now)
                        .setParameter("ids", sent)
                        .executeUpdate();
            }
            em.createNativeQuery("""
                            update reminder r
                               set status = case
                                       when exists (select 1 from delivery d where d.reminder_id = r.id and d.status = 'SENT')
                                           then 'SENT'
                                       when exists (select 1 from delivery d where d.reminder_id = r.id
                                                       and d.status in ('PENDING', 'SENDING', 'RETRYING'))
                                           then r.status
                                       when exists (select 1 from delivery d where d.reminder_id = r.id and d.status = 'DEAD')
                                           then 'FAILED'
                                       else r.status end,
                                   updated_at = :now
                             where r.id in (:ids) and r.status = 'PENDING'""")
                    .setParameter("now", now)
                    .setParameter("ids", reminders)
                    .executeUpdate();
        });
    }

    /** How long the oldest due delivery has been waiting; empty when none is due. */
    public Optional<Duration> oldestDueAge() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Object oldest = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select min(next_attempt_at) from delivery where " + DUE)
                .setParameter("now", now)
                .getSingleResult());
        if (oldest == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(NativeRows.timestamp(oldest, ZoneOffset.UTC).toInstant(), now.toInstant());
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
