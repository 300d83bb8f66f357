package org.kpi.notify.messages;

/**
 * What the notice templates ({@code templates/notices/}) read: the facts of one notice for one
 * recipient, ready to print; fields a kind of notice does not use are {@code null}.
 *
 * @param kind              ORDER_ISSUED, TASK_RETURNED, CLOSURE_REQUESTED, TASK_CLOSED, ACTUAL_RETURNED,
 *                          ACCOUNTABILITY_RECORDED, REASSIGNMENT_REQUESTED or REASSIGNMENT_DECIDED
 * @param taskTitle         the task's title
 * @param indicatorName     the indicator a returned actual is for
 * @param periodLabel       the period of a returned actual, in words (2026年10月)
 * @param levelLabel        a supervision order's level (提醒、催办、督办、挂牌督办), or a reassignment's decision (同意、不同意)
 * @param accountabilityLabel an accountability record's kind (约谈、通报批评、诫勉、问责)
 * @param reason            the reason, summary or cause given with the event
 * @param respondByLabel    a supervision order's respond-by date in words (9月10日)
 * @param dayLabel          the day the event happened, in words
 * @param leadName          the task's lead unit, or the target's responsible unit
 * @param coNames           the task's co-units, joined, or empty
 * @param unitName          the unit an accountability record is against
 * @param responsibleLeader the task's responsible leader, or {@code null}
 * @param leaderNamed       whether the recipient is a supervision office (which is told the leader)
 * @param escalation        whether the recipient is not the unit that has to act
 * @param recipientName     the recipient's name
 * @param link              where to act
 * @param otherUnitName     the unit a reassignment request suggests, or the new lead it was granted to
 */
public record NoticeMessage(String kind, String taskTitle, String indicatorName, String periodLabel, String levelLabel,
                            String accountabilityLabel, String reason, String respondByLabel, String dayLabel,
                            String leadName, String coNames, String unitName, String responsibleLeader,
                            boolean leaderNamed, boolean escalation, String recipientName, String link,
                            String otherUnitName) {
}
