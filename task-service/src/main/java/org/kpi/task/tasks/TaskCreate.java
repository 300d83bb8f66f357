package org.kpi.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A new task. {@code orgUnitCode} is the unit (district or city) the task belongs to; it
 * defaults to the caller's own unit and must lie in the caller's scope. Lead and co-units must
 * lie within it. {@code reportingCadence} defaults to {@code NONE}.
 */
@Schema(additionalProperties = Schema.True.class,
        description = "新任务；服务器所有的字段（编号、状态、版本等）即使发送也被忽略"
                + " · A new task; server-owned fields (id, status, version …) are ignored if sent")
public record TaskCreate(
        @NotBlank(message = "任务名称不能为空")
        @Size(max = 300, message = "任务名称最长 300 个字符")
        String title,
        @Size(max = 10000, message = "任务描述最长 10000 个字符")
        String description,
        @Size(max = 64, message = "类别最长 64 个字符")
        String category,
        @Size(max = 64, message = "来源最长 64 个字符")
        String source,
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String orgUnitCode,
        @NotBlank(message = "牵头单位不能为空")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String leadUnitCode,
        @Size(max = 30, message = "配合单位最多 30 个")
        List<@NotBlank(message = "配合单位代码不能为空") @Size(max = 32, message = "单位代码最长 32 个字符") String> coUnitCodes,
        @Size(max = 100, message = "责任领导最长 100 个字符")
        String responsibleLeader,
        LocalDate startDate,
        @NotNull(message = "完成时限不能为空")
        LocalDate dueDate,
        ReportingCadence reportingCadence,
        @Valid
        Quantity quantity,
        @Positive(message = "目标编号应为正整数")
        @Schema(description = "关联的年度目标编号（目标与考核服务） · The target (of target-service) this task serves")
        Long targetId,
        @Size(max = 50, message = "节点最多 50 个")
        List<@NotNull(message = "节点不能为空") @Valid MilestoneInput> milestones,
        @Positive(message = "批示件编号应为正整数")
        @Schema(description = "所依据的领导批示件编号；给出时来源记为 LEADER_INSTRUCTION · The leader instruction the task "
                + "is made from; its source is then LEADER_INSTRUCTION")
        Long instructionId) {
}
