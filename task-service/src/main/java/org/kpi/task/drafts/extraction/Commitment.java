package org.kpi.task.drafts.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One actionable commitment found in a plan (一项可落实的任务): what a draft task is made of.
 *
 * @param title       the commitment in the plan's words, without the clauses around it that only set the scene
 * @param sourceText  the plan's text the commitment was read from
 * @param sourceStart where {@code sourceText} starts in the plan
 * @param sourceEnd   where it ends (exclusive)
 * @param category    the heading of the section it sits under, or {@code null}
 * @param dueDate     the last date it names, or {@code null} when it names none
 * @param dueDateText that date as written ({@code 明年上半年})
 * @param milestones  every date it names when it names several, in order; the last is the due date
 * @param quantity    the number it is measured by, or {@code null}
 * @param confidence  how sure the extractor is that this is a commitment, 0 to 1
 */
public record Commitment(String title, String sourceText, int sourceStart, int sourceEnd, String category,
                         LocalDate dueDate, String dueDateText, List<Milestone> milestones, Quantity quantity,
                         double confidence) {

    /** A dated step of a commitment: {@code 8月份拉出单子} is 拉出单子 by 31 Aug. */
    public record Milestone(String title, LocalDate dueDate) {
    }

    /** A number with its unit; {@code value} is {@code null} when the plan masks it. */
    public record Quantity(BigDecimal value, String unit, String qualifier, boolean masked) {
    }
}
