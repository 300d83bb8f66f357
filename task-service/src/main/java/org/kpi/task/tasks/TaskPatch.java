package org.kpi.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Changes to a task: only the fields sent (non-null) change; {@code milestones}, when sent,
 * replaces the list (see {@link MilestoneInput}). {@code version} stands in for If-Match.
 * The owning unit, status and server-owned fields cannot be changed here.
 */
@Schema(additionalProperties = Schema.True.class,
        description = "对任务的修改：只改发送的（非 null）字段；服务器所有的字段即使发送也被忽略"
                + " · Changes to a task: only fields sent (non-null) change; server-owned fields are ignored if sent")
public record TaskPatch(
        @Size(min = 1, max = 300, message = "任务名称长度应为 1 到 300 个字符")
        String title,
        @Size(max = 10000, message = "任务描述最长 10000 个字符")
        String description,
        @Size(max = 64, message = "类别最长 64 个字符")
        String category,
        @Size(max = 64, message = "来源最长 64 个字符")
        String source,
        @Size(min = 1, max = 32, message = "单位代码长度应为 1 到 32 个字符")
        String leadUnitCode,
        @Size(max = 30, message = "配合单位最多 30 个")
        List<@NotBlank(message = "配合单位代码不能为空") @Size(max = 32, message = "单位代码最长 32 个字符") String> coUnitCodes,
        @Size(max = 100, message = "责任领导最长 100 个字符")
        String responsibleLeader,
        LocalDate startDate,
        LocalDate dueDate,
        ReportingCadence reportingCadence,
        @Valid
        Quantity quantity,
        @PositiveOrZero(message = "目标编号应为正整数，0 表示取消关联")
        @Schema(description = "关联的年度目标编号；0 表示取消关联 · The target this task serves; 0 removes the link")
        Long targetId,
        @Size(max = 50, message = "节点最多 50 个")
        List<@NotNull(message = "节点不能为空") @Valid MilestoneInput> milestones,
        Long version) {
}
