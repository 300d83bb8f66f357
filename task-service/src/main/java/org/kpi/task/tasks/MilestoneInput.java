package org.kpi.task.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A milestone as a client sends it. On PATCH, an {@code id} names an existing milestone to keep
 * (with its completion); milestones without an id are new; existing ones not sent are removed.
 */
@Schema(additionalProperties = Schema.True.class,
        description = "客户端发送的节点；其他字段即使发送也被忽略 · A milestone as sent; other fields are ignored")
public record MilestoneInput(
        Long id,
        @NotBlank(message = "节点名称不能为空")
        @Size(max = 300, message = "节点名称最长 300 个字符")
        String title,
        @NotNull(message = "节点完成时限不能为空")
        LocalDate dueDate) {
}
