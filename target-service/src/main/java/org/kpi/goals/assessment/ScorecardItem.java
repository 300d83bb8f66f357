package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A department's place on a scorecard. {@code total} is always the sum of {@code lines}; a
 * department reading another's item sees its total and rank with no lines.
 */
@Schema(description = "一个部门的得分、名次与明细（总分恒等于明细之和） · A department's total, rank and lines")
public record ScorecardItem(String orgUnitCode, String name, BigDecimal total,
                            @Schema(description = "竞争排名（并列同名次，其后跳位） · Competition rank") int rank,
                            List<ScoreLine> lines) {
}
