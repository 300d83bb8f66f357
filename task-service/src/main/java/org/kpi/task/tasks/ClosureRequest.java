package org.kpi.task.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The lead unit's request to close a task (申请办结), with a summary of what was done. */
public record ClosureRequest(
        @NotBlank(message = "办结说明不能为空")
        @Size(max = 5000, message = "办结说明最长 5000 个字符")
        String summary) {
}
