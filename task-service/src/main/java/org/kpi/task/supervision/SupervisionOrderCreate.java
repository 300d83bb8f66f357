package org.kpi.task.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A supervision order as a supervisor issues it. */
public record SupervisionOrderCreate(
        @NotNull(message = "督办级别不能为空")
        SupervisionLevel level,
        @NotBlank(message = "督办事由不能为空")
        @Size(max = 2000, message = "督办事由最长 2000 个字符")
        String reason,
        @NotNull(message = "反馈时限不能为空")
        LocalDate respondBy) {
}
