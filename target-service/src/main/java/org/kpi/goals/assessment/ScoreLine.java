package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One line of a scorecard: the points one fact earned under one rule. */
@Schema(description = "得分明细：一项事实按一条规则所得分数 · The points one fact earned under one rule")
public record ScoreLine(
        @Schema(description = "明细编号（公布后用于申诉） · The line's id") String id,
        Component component,
        @Schema(description = "适用的规则，如“蓝色 10 分 × 1” · The rule applied") String rule,
        @Schema(description = "事实类型：TARGET、TASK、ORDER、ACCOUNTABILITY、RATING、ADJUSTMENT · The fact's type")
        String factType,
        String factId,
        String factTitle,
        BigDecimal points) {
}
