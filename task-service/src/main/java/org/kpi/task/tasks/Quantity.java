package org.kpi.task.tasks;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A quantity to reach, e.g. 110 个 (projects) or 55 个 (old communities), optionally qualified (以上). */
public record Quantity(
        @NotNull(message = "数量不能为空")
        @DecimalMin(value = "0", message = "数量不能为负")
        @Digits(integer = 14, fraction = 4, message = "数量最多 14 位整数、4 位小数")
        BigDecimal value,
        @NotBlank(message = "计量单位不能为空")
        @Size(max = 32, message = "计量单位最长 32 个字符")
        String unit,
        @Size(max = 8, message = "限定词最长 8 个字符")
        String qualifier) {

    public Quantity(BigDecimal value, String unit) {
        this(value, unit, null);
    }

    /** {@code value} without trailing zeros and never in exponent form: 110.0000 becomes 110. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
