package org.kpi.goals.assessment;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One weighted component of a rulebook. Which parameters apply depends on the component:
 * <ul>
 *   <li>{@code TARGET_COMPLETION}: {@code weight} points per target (or {@code weights} per
 *       indicator code), times the factor of its colour in {@code points} (BLUE, YELLOW, RED) — or,
 *       with {@code mode} {@code RATIO}, times its completion ratio (at most 1);</li>
 *   <li>{@code STRETCH_BONUS}: {@code weight} points per target whose stretch value is reached;</li>
 *   <li>{@code TASK_ON_TIME}: {@code weight} points shared among the tasks due in the period, each
 *       closed on time earning its share;</li>
 *   <li>{@code OVERDUE_DAYS}: {@code perDay} points off per day late, at most {@code cap} a task;</li>
 *   <li>{@code SUPERVISION_ORDERS}: {@code points} per order received, by level (NOTICE, URGE,
 *       SUPERVISE, LISTED);</li>
 *   <li>{@code LATE_RESPONSES}: {@code weight} points (usually negative) per order answered late or
 *       not at all;</li>
 *   <li>{@code ACCOUNTABILITY}: {@code points} per record, by kind (TALK, NOTICE_CRITICISM,
 *       ADMONITION, ACCOUNTABILITY);</li>
 *   <li>{@code SATISFACTION}: {@code points} per rating (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED);</li>
 *   <li>{@code ADJUSTMENTS}: the supervisors' bonus and deduction entries as entered.</li>
 * </ul>
 */
@Schema(description = "考核项及其参数（含义随考核项而定，见说明） · A component and its parameters")
public record RuleComponent(
        @NotNull(message = "考核项不能为空") Component component,
        @Schema(nullable = true, description = "显示名称，缺省为考核项名称 · Label") String label,
        @Schema(nullable = true, description = "TARGET_COMPLETION 为 COLOUR（缺省）或 RATIO · Colour or ratio")
        String mode,
        @Schema(nullable = true, description = "分值或权重 · Weight or points") BigDecimal weight,
        @Schema(nullable = true, description = "按指标代码的分值（TARGET_COMPLETION） · Weight per indicator")
        Map<String, BigDecimal> weights,
        @Schema(nullable = true, description = "按颜色、级别、方式或评价的分值 · Points by colour, level, kind or rating")
        Map<String, BigDecimal> points,
        @Schema(nullable = true, description = "每逾期一天扣分（OVERDUE_DAYS，正数） · Points off per day late")
        BigDecimal perDay,
        @Schema(nullable = true, description = "每项任务扣分上限（OVERDUE_DAYS） · Most points off per task")
        BigDecimal cap) {

    public String displayLabel() {
        return label == null || label.isBlank() ? component.label() : label.trim();
    }
}
