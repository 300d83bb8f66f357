package org.kpi.task.drafts.extraction;

import java.time.LocalDate;

/**
 * A date expression found in a plan's text and the day it stands for.
 *
 * @param date     the day: the last day of a period ({@code 年内} → 31 Dec), the 10th for {@code 初}
 * @param text     the expression as written, e.g. {@code 明年上半年}
 * @param start    where it starts in the text searched
 * @param end      where it ends (exclusive)
 * @param yearOnly whether it names a year and nothing finer ({@code 明年}, {@code 2023年}): such an
 *                 expression before a noun qualifies the noun (明年项目, next year's projects)
 *                 rather than setting a deadline
 */
public record DateMention(LocalDate date, String text, int start, int end, boolean yearOnly) {
}
