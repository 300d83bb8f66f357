package org.kpi.task.accountability;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An accountability record as a supervisor enters it. */
public record AccountabilityCreate(
        @NotBlank(message = "被问责单位不能为空")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String orgUnitCode,
        @NotNull(message = "问责方式不能为空")
        AccountabilityKind kind,
        @NotBlank(message = "问责事由不能为空")
        @Size(max = 5000, message = "问责事由最长 5000 个字符")
        String reason,
        @Positive(message = "任务编号应为正整数")
        Long taskId,
        @Positive(message = "目标编号应为正整数")
        @Schema(description = "涉及的年度目标编号（目标与考核服务） · The target (of target-service) concerned")
        Long targetId) {
}
