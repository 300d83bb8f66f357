package org.kpi.notify.notices;

import org.kpi.notify.documents.IssuedDocument;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.reminders.ReminderKind;
import org.kpi.notify.reminders.SubjectType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A notice (通知) to make from one feed event: what it is about, who gets it, and the facts its
 * template prints.
 *
 * @param kind              the notice's kind
 * @param eventKey          {@code <event type>#<seq>}: with the subject and recipient, what makes it once
 * @param day               the day the event happened (Asia/Shanghai)
 * @param subjectType       what it is about
 * @param subjectId         the task, target, order, accountability record or document
 * @param taskId            the task it concerns, if any
 * @param targetId          the target it concerns, if any
 * @param title             the subject's name as the reminders list shows it
 * @param recipients        each recipient unit with the party it is reached as, in order
 * @param actingUnit        the unit that has to act (whom a supervision office is asked to press)
 * @param orgUnit           the unit the subject belongs to
 * @param responsibleLeader named to supervision offices
 * @param link              where to act
 * @param facts             the event's facts for machine peers (besides kind, party and ids)
 * @param taskTitle         template fields, see {@link org.kpi.notify.messages.NoticeMessage}
 * @param otherUnit         a second unit the notice names: the unit a reassignment suggests, or the new lead
 * @param document          the document a REPORT_ISSUED notice is about, else {@code null}
 */
public record Notice(ReminderKind kind, String eventKey, LocalDate day, SubjectType subjectType, long subjectId,
                     Long taskId, Long targetId, String title, Map<String, NotifyParty> recipients, String actingUnit,
                     String orgUnit, String responsibleLeader, String link, Map<String, Object> facts,
                     String taskTitle, String indicatorName, String period, String levelLabel,
                     String accountabilityLabel, String reason, LocalDate respondBy, List<String> coUnits,
                     String otherUnit, IssuedDocument document) {

    /** A notice about no document. */
    public Notice(ReminderKind kind, String eventKey, LocalDate day, SubjectType subjectType, long subjectId,
                  Long taskId, Long targetId, String title, Map<String, NotifyParty> recipients, String actingUnit,
                  String orgUnit, String responsibleLeader, String link, Map<String, Object> facts,
                  String taskTitle, String indicatorName, String period, String levelLabel,
                  String accountabilityLabel, String reason, LocalDate respondBy, List<String> coUnits,
                  String otherUnit) {
        this(kind, eventKey, day, subjectType, subjectId, taskId, targetId, title, recipients, actingUnit, orgUnit,
                responsibleLeader, link, facts, taskTitle, indicatorName, period, levelLabel, accountabilityLabel, reason,
                respondBy, coUnits, otherUnit, null);
    }
}
