package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A draft task as a supervisor reviews it. */
@Schema(description = "任务草稿 · A draft task")
public record DraftView(
        long id,
        @Schema(description = "在计划中的顺序 · Its place in the plan") int position,
        String title,
        @Schema(description = "所依据的计划原文 · The plan's words it was read from") String sourceText,
        @Schema(description = "原文在计划全文中的起点（字符） · Where sourceText starts in the plan's text") int sourceStart,
        @Schema(description = "原文在计划全文中的终点（不含） · Where it ends (exclusive)") int sourceEnd,
        @Schema(nullable = true, description = "所在章节标题 · The heading of its section") String category,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate dueDate,
        @Schema(nullable = true, description = "原文中的时限写法，如“明年上半年” · The deadline as written") String dueDateText,
        List<DraftMilestone> milestones,
        @Schema(nullable = true) DraftQuantity quantity,
        @Schema(nullable = true, description = "建议的牵头单位 · Suggested lead unit") String suggestedLeadUnitCode,
        @Schema(description = "建议的配合单位 · Suggested co-units") List<String> suggestedCoUnitCodes,
        @Schema(description = "把握程度 0–1：有时限、有数量、动词明确时更高 · How sure the extractor is, 0 to 1")
        double confidence,
        @Schema(nullable = true, description = "已发布为的任务编号 · The task it was published as") Long taskId,
        long version) {
}
