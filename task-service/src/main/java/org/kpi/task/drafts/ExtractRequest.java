package org.kpi.task.drafts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A plan's text to read for drafts. {@code planDate} (the day the plan was issued) is what 年内 and
 * 明年 are counted from, today when left out; {@code orgUnitCode} is the unit the tasks will belong
 * to, the caller's own when left out.
 */
@Schema(description = "待分解的计划正文 · A plan's text to read for drafts")
public record ExtractRequest(
        @NotBlank(message = "计划正文不能为空")
        @Schema(description = "计划正文（最长 200000 字） · The plan's text") String text,
        @Schema(nullable = true, description = "计划印发日期，“年内”“明年”据此推算；不填为今天 · The plan's date")
        LocalDate planDate,
        @Size(max = 32, message = "单位代码最长 32 个字符")
        @Schema(nullable = true, description = "任务所属单位；不填为本人单位 · The unit the tasks belong to")
        String orgUnitCode,
        @Size(max = 64, message = "计划名称最长 64 个字符")
        @Schema(nullable = true, description = "计划名称；不填取正文第一行 · The plan's name") String title) {
}
