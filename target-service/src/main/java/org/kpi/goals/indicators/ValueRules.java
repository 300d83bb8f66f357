package org.kpi.goals.indicators;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * What values an indicator allows: amounts and counts are never negative, counts of things
 * (个, 家, 人 …) are whole numbers, a level in % lies between 0 and 100, a growth rate above −100%.
 */
public final class ValueRules {

    /** Units that count whole things. */
    static final Set<String> COUNT_UNITS = Set.of("个", "家", "人", "项", "件", "座", "处", "套", "名", "户", "所", "条", "次", "起", "宗", "批");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e15");
    static final int MAX_SCALE = 4;

    private ValueRules() {
    }

    /** Why {@code value} is not allowed for {@code indicator}, or empty when it is. */
    public static Optional<String> problemWith(Indicator indicator, BigDecimal value) {
        return problemWith(indicator.kind, indicator.unit, value);
    }

    public static Optional<String> problemWith(IndicatorKind kind, String unit, BigDecimal value) {
        if (value == null) {
            return Optional.of("不能为空");
        }
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            return Optional.of("数值过大");
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.of("最多保留 " + MAX_SCALE + " 位小数");
        }
        switch (kind) {
            case CUMULATIVE -> {
                if (value.signum() < 0) {
                    return Optional.of("累计类指标的数值不能为负");
                }
                if (COUNT_UNITS.contains(unit) && value.stripTrailingZeros().scale() > 0) {
                    return Optional.of("单位为“" + unit + "”的指标应为整数");
                }
            }
            case LEVEL -> {
                if ("%".equals(unit) && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
                    return Optional.of("百分比应在 0 到 100 之间");
                }
                if (!"%".equals(unit) && value.signum() < 0) {
                    return Optional.of("水平类指标的数值不能为负");
                }
            }
            case GROWTH_RATE -> {
                if (value.compareTo(HUNDRED.negate()) <= 0) {
                    return Optional.of("增速应大于 -100");
                }
            }
        }
        return Optional.empty();
    }
}
