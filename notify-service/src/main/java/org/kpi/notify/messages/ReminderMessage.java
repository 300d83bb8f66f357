package org.kpi.notify.messages;

/**
 * What the reminder templates read: the facts of one reminder for one recipient, ready to print.
 *
 * @param type              TASK, MILESTONE, REPORT, ACTUAL or ORDER
 * @param kindLabel         提醒、催办、黄色预警、红色预警
 * @param title             the subject's own title (task, milestone or indicator)
 * @param taskTitle         the task a milestone belongs to
 * @param periodLabel       the period a report or actual is owed for, in words
 * @param periodic          a periodic duty (report, actual)
 * @param dueLabel          the due date in words (11月30日)
 * @param daysLate          days past the due date (negative before it)
 * @param daysLeft          days before the due date
 * @param leadName          the lead or responsible unit's name
 * @param coNames           the co-units' names, joined, or empty
 * @param responsibleLeader the responsible leader, or {@code null}
 * @param leaderNamed       whether the recipient is a supervision office (which is told the leader)
 * @param escalation        whether the recipient is not the unit that has to act
 * @param recipientName     the recipient's name
 * @param link              where to act
 * @param headline          the rendered title, repeated at the top of the body
 */
public record ReminderMessage(String type, String kindLabel, String title, String taskTitle, String periodLabel,
                              boolean periodic, String dueLabel, long daysLate, long daysLeft, String leadName,
                              String coNames, String responsibleLeader, boolean leaderNamed, boolean escalation,
                              String recipientName, String link, String headline) {

    ReminderMessage withHeadline(String rendered) {
        return new ReminderMessage(type, kindLabel, title, taskTitle, periodLabel, periodic, dueLabel, daysLate, daysLeft,
                leadName, coNames, responsibleLeader, leaderNamed, escalation, recipientName, link, rendered);
    }
}
