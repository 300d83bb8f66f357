package org.kpi.task.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The lead unit's answer to a supervision order. */
public record SupervisionResponse(
        @NotBlank(message = "反馈内容不能为空")
        @Size(max = 5000, message = "反馈内容最长 5000 个字符")
        String text) {
}
