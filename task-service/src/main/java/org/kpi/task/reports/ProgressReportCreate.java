package org.kpi.task.reports;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A progress report as a unit sends it. */
public record ProgressReportCreate(
        @NotBlank(message = "进展情况不能为空")
        @Size(max = 5000, message = "进展情况最长 5000 个字符")
        String text,
        @Min(value = 0, message = "完成百分比应在 0 到 100 之间")
        @Max(value = 100, message = "完成百分比应在 0 到 100 之间")
        Integer percentDone,
        @DecimalMin(value = "0", message = "已完成数量不能为负")
        @Digits(integer = 14, fraction = 4, message = "已完成数量最多 14 位整数、4 位小数")
        BigDecimal quantityReached) {
}
