package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A plan read for drafts, with its text (for showing where each draft came from) and its drafts. */
@Schema(description = "一次任务分解：计划原文与任务草稿 · A plan read for drafts: its text and its drafts")
public record DraftBatchView(
        long id,
        String orgUnitCode,
        @Schema(description = "计划名称，发布后为任务的来源 · The plan's name; the tasks' source once published") String title,
        @Schema(nullable = true, description = "上传的文件名 · The uploaded file's name") String sourceName,
        LocalDate planDate,
        @Schema(description = "计划全文 · The plan's text") String text,
        List<DraftView> drafts,
        String createdBy,
        OffsetDateTime createdAt) {
}
