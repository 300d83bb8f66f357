package org.kpi.task.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lead unit's request to hand its task to another unit, instead of signing for it. */
@Schema(description = "申请改派：理由与建议承办单位 · A request to reassign: the reason and the unit suggested")
public record ReassignmentRequestCreate(
        @NotBlank(message = "改派理由不能为空")
        @Size(max = 2000, message = "改派理由最长 2000 个字符")
        String reason,
        @Schema(nullable = true, description = "建议的承办单位（任务所属单位之下） · The unit suggested")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String suggestedUnitCode) {
}
