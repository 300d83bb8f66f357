package org.kpi.notify.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kpi.common.jobs.JobClaims;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.RecipientChannels;
import org.kpi.notify.messages.MessageRenderer;
import org.kpi.notify.policies.EffectivePolicy;
import org.kpi.notify.policies.EscalationLadder;
import org.kpi.notify.policies.LadderStep;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.policies.PolicyService;
import org.kpi.notify.policies.QuietWindow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reminder sweep (提醒巡检): finds what is due, works out the step of its ladder that is current
 * today, and creates that step's reminders — one per recipient unit — and their deliveries, one per
 * channel of the unit. A reminder's unique key (subject, recipient, step, due date) makes it
 * exist once however many sweeps, replicas or restarts run; a step that was superseded before it
 * fired is skipped, never sent late in a burst.
 */
@ApplicationScoped
public class ReminderSweep {

    private static final Logger LOG = Logger.getLogger(ReminderSweep.class);
    private static final int CHUNK = 200;
    private static final String JOB = "reminder-sweep";
    private static final Comparator<DueSubject> IN_LOCK_ORDER = Comparator.comparing(DueSubject::type)
            .thenComparingLong(DueSubject::subjectId).thenComparing(DueSubject::subjectKey);

    @Inject
    ReminderSubjects subjects;

    @Inject
    PolicyService policies;

    @Inject
    RecipientChannels channels;

    @Inject
    MessageRenderer renderer;

    @Inject
    NotifyConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    JobClaims jobs;

    @ConfigProperty(name = "kpi.notify.sweep-interval", defaultValue = "60s")
    Duration interval;

    /** What one sweep did. */
    public record SweepResult(int subjects, int reminders, int deliveries) {
    }

    @Scheduled(every = "${kpi.notify.sweep-interval:60s}", identity = "reminder-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweepIfDue();
    }

    /**
     * Sweeps unless another replica (or caller) has swept within the interval; true when this call
     * swept. The claim's lease — the interval less a tenth, never finished — lets the next firing
     * anywhere after it take the claim over. The reminders' unique key would absorb a second sweep;
     * this spares the work.
     */
    public boolean sweepIfDue() {
        if (!jobs.claim(JOB, "interval", interval.minus(interval.dividedBy(10)))) {
            return false;
        }
        SweepResult result = sweep();
        if (result.reminders() > 0) {
            LOG.infof("Reminder sweep: %d reminders, %d deliveries for %d subjects", result.reminders(),
                    result.deliveries(), result.subjects());
        }
        return true;
    }

    /** One sweep as of the clock's now. */
    public SweepResult sweep() {
        LocalDate today = LocalDate.now(clock);
        PolicyBook book = policies.book();
        LocalDate horizon = today.minusDays(book.earliestOffset());
        List<DueSubject> due = QuarkusTransaction.requiringNew().call(() -> {
            List<DueSubject> all = new ArrayList<>(subjects.tasks(horizon));
            all.addAll(subjects.milestones(horizon));
            all.addAll(subjects.reports("WEEKLY", DutyPeriods.weeklyReport(today, config.reports().weeklyDueDay())));
            all.addAll(subjects.reports("MONTHLY", DutyPeriods.monthlyReport(today, config.reports().monthlyDueDay())));
            all.addAll(subjects.actuals(today, List.of(today.getYear(), today.getYear() - 1)));
            // one order for every sweep, so two sweeps at once wait on each other's rows, never deadlock
            all.sort(IN_LOCK_ORDER);
            return all;
        });
        int reminders = 0;
        int deliveries = 0;
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<DueSubject> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            int[] made = QuarkusTransaction.requiringNew().call(() -> {
                int[] counts = new int[2];
                for (DueSubject subject : chunk) {
                    fire(subject, book, today, counts);
                }
                return counts;
            });
            reminders += made[0];
            deliveries += made[1];
        }
        return new SweepResult(due.size(), reminders, deliveries);
    }

    private void fire(DueSubject subject, PolicyBook book, LocalDate today, int[] counts) {
        EffectivePolicy policy = book.effective(subject.ownerUnit());
        EscalationLadder ladder = subject.periodic() ? policy.ladder().forPeriodicDuty() : policy.ladder();
        long days = ChronoUnit.DAYS.between(subject.dueDate(), today);
        LadderStep step = ladder.currentStep(days).orElse(null);
        if (step == null) {
            return;
        }
        boolean sameDue = subject.dueDate().equals(subject.stateDue());
        if (sameDue && subject.stateOffset() != null && subject.stateOffset() >= step.offsetDays()) {
            return;
        }
        for (Map.Entry<String, NotifyParty> recipient : recipients(subject, step, book).entrySet()) {
            Long reminder = insertReminder(subject, step, recipient.getKey(), recipient.getValue());
            if (reminder == null) {
                continue;
            }
            counts[0]++;
            counts[1] += insertDeliveries(reminder, subject, step, recipient.getKey(), recipient.getValue(), book, today);
        }
        em.createNativeQuery("""
                        insert into ladder_state (subject_type, subject_id, subject_key, due_date, last_offset, done)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (subject_type, subject_id, subject_key) do update
                           set due_date = excluded.due_date, last_offset = excluded.last_offset, done = excluded.done""")
                .setParameter(1, subject.type().name())
                .setParameter(2, subject.subjectId())
                .setParameter(3, subject.subjectKey())
                .setParameter(4, subject.dueDate())
                .setParameter(5, step.offsetDays())
                .setParameter(6, ladder.isLast(step))
                .executeUpdate();
    }

    /** The recipient units of a step, each once, with the party it is reached as. */
    private static Map<String, NotifyParty> recipients(DueSubject subject, LadderStep step, PolicyBook book) {
        Map<String, NotifyParty> units = new LinkedHashMap<>();
        for (NotifyParty party : step.parties()) {
            switch (party) {
                case LEAD -> units.putIfAbsent(subject.ownerUnit(), party);
                case CO -> subject.coUnits().forEach(unit -> units.putIfAbsent(unit, party));
                case DISTRICT -> book.ancestorOfType(subject.orgUnit(), "DISTRICT")
                        .ifPresent(d -> units.putIfAbsent(d.code(), party));
                case CITY -> book.ancestorOfType(subject.orgUnit(), "CITY")
                        .ifPresent(c -> units.putIfAbsent(c.code(), party));
            }
        }
        return units;
    }

    private Long insertReminder(DueSubject subject, LadderStep step, String unit, NotifyParty party) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<?> id = em.createNativeQuery("""
                        insert into reminder (subject_type, subject_id, subject_key, task_id, target_id, title,
                            org_unit_code, party, kind, offset_days, due_date, status, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'PENDING', ?12, ?12)
                        on conflict on constraint reminder_once do nothing
                        returning id""")
                .setParameter(1, subject.type().name())
                .setParameter(2, subject.subjectId())
                .setParameter(3, subject.subjectKey())
                .setParameter(4, subject.taskId())
                .setParameter(5, subject.targetId())
                .setParameter(6, subject.title())
                .setParameter(7, unit)
                .setParameter(8, party.name())
                .setParameter(9, step.kind().name())
                .setParameter(10, step.offsetDays())
                .setParameter(11, subject.dueDate())
                .setParameter(12, now)
                .getResultList();
        return id.isEmpty() ? null : ((Number) id.get(0)).longValue();
    }

    private int insertDeliveries(long reminder, DueSubject subject, LadderStep step, String unit, NotifyParty party,
                                 PolicyBook book, LocalDate today) {
        MessageRenderer.Rendered message = renderer.render(subject, step, party, unit, book, today);
        EffectivePolicy policy = book.effective(unit);
        Instant now = clock.instant();
        int created = 0;
        for (ContactChannel channel : channels.channelsOf(unit)) {
            Instant when = now;
            String digestGroup = null;
            if (channel.type() != ChannelType.INBOX) {
                if (policy.digest()) {
                    LocalDate day = today;
                    Instant digestAt = day.atTime(config.delivery().digestAt()).atZone(clock.getZone()).toInstant();
                    if (!now.isBefore(digestAt)) {
                        day = day.plusDays(1);
                        digestAt = day.atTime(config.delivery().digestAt()).atZone(clock.getZone()).toInstant();
                    }
                    when = digestAt;
                    digestGroup = unit + "|" + channel.type() + "|" + channel.address() + "|" + day;
                }
                when = QuietWindow.release(when, policy.quietHours(), clock.getZone());
            }
            created += em.createNativeQuery("""
                            insert into delivery (reminder_id, org_unit_code, channel, address, title, body, link, facts,
                                idempotency_key, status, attempts, next_attempt_at, digest_group, created_at, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, 'PENDING', 0, ?10, ?11, ?12, ?12)
                            on conflict on constraint delivery_once do nothing""")
                    .setParameter(1, reminder)
                    .setParameter(2, unit)
                    .setParameter(3, channel.type().name())
                    .setParameter(4, channel.address())
                    .setParameter(5, message.title())
                    .setParameter(6, message.text())
                    .setParameter(7, message.link())
                    .setParameter(8, json(message.facts()))
                    .setParameter(9, UUID.randomUUID())
                    .setParameter(10, when.atOffset(ZoneOffset.UTC))
                    .setParameter(11, digestGroup)
                    .setParameter(12, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
        return created;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
