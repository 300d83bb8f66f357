package org.kpi.notify.messages;

import io.quarkus.qute.TemplateData;

/**
 * What the notice templates ({@code templates/notices/}) read: the facts of one notice for one
 * recipient, ready to print; fields a kind of notice does not use are {@code null}.
 *
 * @param kind              the notice's kind (ORDER_ISSUED, TASK_RETURNED … REPORT_ISSUED)
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
 * @param document          the document issued (REPORT_ISSUED), else {@code null}
 */
public record NoticeMessage(String kind, String taskTitle, String indicatorName, String periodLabel, String levelLabel,
                            String accountabilityLabel, String reason, String respondByLabel, String dayLabel,
                            String leadName, String coNames, String unitName, String responsibleLeader,
                            boolean leaderNamed, boolean escalation, String recipientName, String link,
                            String otherUnitName, Document document) {

    /**
     * An issued document (印发的文件), ready to print.
     *
     * @param kindLabel   周调度清单, 督查通报 or 季度分析
     * @param title       the document's title
     * @param unitName    the unit it is for
     * @param periodLabel its period in words (2026年10月, 2026年第45周, 2026年第三季度)
     * @param issuedLabel when it was issued (2026年11月3日 16:00)
     * @param scheduled   issued by a schedule rather than by a supervisor
     * @param summary     the paragraph of figures it opens with
     * @param fileName    the file's name
     * @param sizeLabel   the file's size (47.1 KB)
     */
    @TemplateData
    public record Document(String kindLabel, String title, String unitName, String periodLabel, String issuedLabel,
                           boolean scheduled, String summary, String fileName, String sizeLabel) {
    }
}
