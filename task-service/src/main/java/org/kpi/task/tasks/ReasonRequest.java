package org.kpi.task.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reason, required to return, reopen or cancel a task. */
public record ReasonRequest(
        @NotBlank(message = "原因不能为空")
        @Size(max = 2000, message = "原因最长 2000 个字符")
        String reason) {
}
