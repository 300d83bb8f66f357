package org.kpi.task.instructions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A leader instruction to register. {@code orgUnitCode} defaults to the caller's unit;
 * {@code leaderUnitCode} is the writing leader's unit — the caller's own when a leader registers
 * it, else it defaults to {@code orgUnitCode} and may be a unit above it (a city leader's
 * instruction to a district).
 */
@Schema(description = "登记领导批示件 · A leader instruction to register")
public record InstructionCreate(
        @Schema(nullable = true, description = "承办的组织机构（区县或市），缺省为本人单位 · The org unit that follows it up")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String orgUnitCode,
        @NotBlank(message = "批示领导不能为空")
        @Size(max = 100, message = "批示领导最长 100 个字符")
        @Schema(description = "批示领导，如“区委书记 张三” · The leader, e.g. 区委书记 张三")
        String leaderName,
        @Schema(nullable = true, description = "批示领导所在单位，缺省为承办机构；领导本人登记时为其单位 · The leader's unit")
        @Size(max = 32, message = "单位代码最长 32 个字符")
        String leaderUnitCode,
        @NotNull(message = "批示日期不能为空")
        @Schema(description = "批示日期 · The day of the instruction")
        LocalDate instructedOn,
        @NotBlank(message = "文件标题不能为空")
        @Size(max = 300, message = "文件标题最长 300 个字符")
        String documentTitle,
        @Schema(nullable = true, description = "文号，如“区政办呈〔2026〕12号” · The document number")
        @Size(max = 100, message = "文号最长 100 个字符")
        String documentNumber,
        @NotBlank(message = "批示内容不能为空")
        @Size(max = 10000, message = "批示内容最长 10000 个字符")
        String text) {
}
