package org.kpi.notify.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kpi.common.jobs.JobClaims;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryPlanner;
import org.kpi.notify.delivery.RecipientChannels;
import org.kpi.notify.messages.MessageRenderer;
import org.kpi.notify.policies.EffectivePolicy;
import org.kpi.notify.policies.EscalationLadder;
import org.kpi.notify.policies.LadderStep;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.policies.PolicyService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private static final int CHUNK = 1000;
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
    ReminderRows rows;

    @Inject
    DeliveryPlanner planner;

    @Inject
    NotifyConfig config;

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
            delayed = "${kpi.jobs.start-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            all.addAll(subjects.orders(horizon));
            all.addAll(subjects.reports("WEEKLY", DutyPeriods.weeklyReport(today, config.reports().weeklyDueDay())));
            all.addAll(subjects.reports("MONTHLY", DutyPeriods.monthlyReport(today, config.reports().monthlyDueDay())));
            all.addAll(subjects.actuals(today, List.of(today.getYear(), today.getYear() - 1)));
            all.addAll(subjects.signFor(today));
            // one order for every sweep, so two sweeps at once wait on each other's rows, never deadlock
            all.sort(IN_LOCK_ORDER);
            return all;
        });
        int reminders = 0;
        int deliveries = 0;
        Map<String, List<ContactChannel>> contacts = new HashMap<>();
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<DueSubject> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            int[] made = QuarkusTransaction.requiringNew().call(() -> fire(chunk, book, today, contacts));
            reminders += made[0];
            deliveries += made[1];
        }
        return new SweepResult(due.size(), reminders, deliveries);
    }

    /** Fires the current step of each subject of a chunk, in three statements; returns reminders and deliveries made. */
    private int[] fire(List<DueSubject> chunk, PolicyBook book, LocalDate today, Map<String, List<ContactChannel>> contacts) {
        Instant now = clock.instant();
        List<ReminderRows.NewReminder> planned = new ArrayList<>();
        List<ReminderRows.LadderMark> marks = new ArrayList<>();
        Map<DueSubject, LadderStep> steps = new IdentityHashMap<>();
        for (DueSubject subject : chunk) {
            EffectivePolicy policy = book.effective(subject.ownerUnit());
            EscalationLadder ladder = subject.periodic() ? policy.ladder().forPeriodicDuty() : policy.ladder();
            LadderStep step = ladder.currentStep(ChronoUnit.DAYS.between(subject.dueDate(), today)).orElse(null);
            if (step == null) {
                continue;
            }
            boolean sameDue = subject.dueDate().equals(subject.stateDue());
            if (sameDue && subject.stateOffset() != null && subject.stateOffset() >= step.offsetDays()) {
                continue;
            }
            steps.put(subject, step);
            recipients(subject, step, book).forEach((unit, party) -> planned.add(
                    new ReminderRows.NewReminder(subject, unit, party.name(), step.kind().name(), step.offsetDays())));
            marks.add(new ReminderRows.LadderMark(subject, step.offsetDays(), ladder.isLast(step)));
        }
        Map<String, Long> created = rows.insertReminders(planned, now);
        List<ReminderRows.NewDelivery> deliveries = new ArrayList<>();
        for (ReminderRows.NewReminder reminder : planned) {
            Long id = created.get(reminder.key());
            if (id != null) {
                MessageRenderer.Rendered message = renderer.render(reminder.subject(), steps.get(reminder.subject()),
                        NotifyParty.valueOf(reminder.party()), reminder.unit(), book, today);
                deliveries.addAll(planner.plan(id, reminder.unit(), message.title(), message.text(), message.link(),
                        json(message.facts()), book.effective(reminder.unit()), now,
                        contacts.computeIfAbsent(reminder.unit(), channels::channelsOf), reminder.kind()));
            }
        }
        int sent = rows.insertDeliveries(deliveries, now);
        rows.saveLadder(marks);
        return new int[] {created.size(), sent};
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

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
