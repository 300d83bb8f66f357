package org.kpi.task.drafts.extraction;

import java.math.BigDecimal;

/**
 * A number with its unit found in a plan's text, e.g. {@code 5个以上} or {@code **亿元}.
 *
 * @param value       the number; {@code null} when the plan masks it ({@code *}, {@code **})
 * @param unit        the unit as written: {@code 个}, {@code 亿元}, {@code 万平方米}, {@code %}
 * @param qualifier   {@code 以上}, {@code 左右}, {@code 余}, {@code 突破}, {@code 累计}, {@code 力争} … or {@code null}
 * @param masked      whether the plan masks the number
 * @param count       whether the unit counts things (个, 家, 项, 座 …) rather than measuring them
 * @param attributive whether it describes a thing rather than sets a target ({@code 总投资12.6亿元的工程},
 *                    {@code 投资500万元以上项目})
 * @param start       where it starts in the text searched
 * @param end         where it ends (exclusive)
 */
public record QuantityMention(BigDecimal value, String unit, String qualifier, boolean masked, boolean count,
                              boolean attributive, int start, int end) {
}
