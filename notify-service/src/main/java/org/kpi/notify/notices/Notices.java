package org.kpi.notify.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.kpi.notify.delivery.DeliveryPlanner;
import org.kpi.notify.delivery.RecipientChannels;
import org.kpi.notify.documents.IssuedDocument;
import org.kpi.notify.messages.NoticeMessage;
import org.kpi.notify.messages.NoticeRenderer;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.reminders.DueSubject;
import org.kpi.notify.reminders.ReminderRows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes a notice's reminders — one per recipient unit — and their deliveries, one per channel of
 * the unit, in the caller's transaction (the one that applies the feed event). The reminders'
 * unique key makes an event delivered twice give nothing more. Deliveries are planned like a
 * reminder's (inbox at once, other channels after quiet hours) but never held for the daily
 * digest: a notice is news of the day.
 */
@ApplicationScoped
public class Notices {

    @Inject
    ReminderRows rows;


    @Inject
    RecipientChannels channels;

    @Inject
    DeliveryPlanner planner;

    @Inject
    NoticeRenderer renderer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Creates the notice's reminders and deliveries unless this event made them already; returns
     * reminders made. {@code book} is the one the recipients were worked out with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int send(Notice notice, PolicyBook book) {
        if (notice.recipients().isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        DueSubject subject = new DueSubject(notice.subjectType(), notice.subjectId(), notice.eventKey(),
                notice.taskId(), notice.targetId(), notice.title(), notice.taskTitle(), notice.period(), notice.day(),
                notice.actingUnit(), notice.coUnits(), notice.orgUnit(), notice.responsibleLeader(), false, null, null);
        List<ReminderRows.NewReminder> planned = new ArrayList<>();
        notice.recipients().forEach((unit, party) -> planned.add(
                new ReminderRows.NewReminder(subject, unit, party.name(), notice.kind().name(), 0)));
        Map<String, Long> created = rows.insertReminders(planned, now);
        if (created.isEmpty()) {
            return 0;
        }
        List<ReminderRows.NewDelivery> deliveries = new ArrayList<>();
        for (ReminderRows.NewReminder reminder : planned) {
            Long id = created.get(reminder.key());
            if (id == null) {
                continue;
            }
            NotifyParty party = NotifyParty.valueOf(reminder.party());
            NoticeRenderer.Rendered message = renderer.render(notice.kind(),
                    message(notice, reminder.unit(), party, book, clock.getZone()));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("kind", notice.kind().name());
            facts.put("subjectType", notice.subjectType().name());
            facts.put("subjectId", notice.subjectId());
            if (notice.taskId() != null) {
                facts.put("taskId", notice.taskId());
            }
            if (notice.targetId() != null) {
                facts.put("targetId", notice.targetId());
            }
            facts.put("party", party.name());
            facts.putAll(notice.facts());
            facts.put("responsibleLeader", office(party) ? notice.responsibleLeader() : null);
            deliveries.addAll(planner.plan(id, reminder.unit(), message.title(), message.text(), notice.link(),
                    json(facts), book.effective(reminder.unit()), now, channels.channelsOf(reminder.unit()), reminder.kind(),
                    false));
        }
        rows.insertDeliveries(deliveries, now);
        return created.size();
    }

    private static NoticeMessage message(Notice n, String recipient, NotifyParty party, PolicyBook book, ZoneId zone) {
        boolean office = office(party);
        String coNames = n.coUnits().stream().map(book::nameOf).collect(Collectors.joining("、"));
        return new NoticeMessage(n.kind().name(), n.taskTitle(), n.indicatorName(),
                NoticeRenderer.periodLabel(n.period()), n.levelLabel(), n.accountabilityLabel(), n.reason(),
                NoticeRenderer.dateLabel(n.respondBy()), NoticeRenderer.dateLabel(n.day()),
                n.actingUnit() == null ? null : book.nameOf(n.actingUnit()), coNames,
                book.nameOf(n.actingUnit()), n.responsibleLeader(), office,
                office && n.actingUnit() != null && !recipient.equals(n.actingUnit()), book.nameOf(recipient),
                n.link(), n.otherUnit() == null ? null : book.nameOf(n.otherUnit()), document(n.document(), zone));
    }

    private static NoticeMessage.Document document(IssuedDocument d, ZoneId zone) {
        return d == null ? null : new NoticeMessage.Document(d.kindLabel(), d.title(), d.orgUnitName(),
                NoticeRenderer.periodLabel(d.period()), NoticeRenderer.timeLabel(d.issuedAt(), zone), d.scheduled(),
                d.summary(), d.fileName(), NoticeRenderer.sizeLabel(d.size()));
    }

    private static boolean office(NotifyParty party) {
        return party == NotifyParty.DISTRICT || party == NotifyParty.CITY;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
