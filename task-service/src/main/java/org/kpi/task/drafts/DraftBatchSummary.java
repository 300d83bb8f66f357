package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A plan read for drafts, as listed. */
@Schema(description = "任务分解记录（列表项） · A plan read for drafts, as listed")
public record DraftBatchSummary(long id, String orgUnitCode, String title, LocalDate planDate,
                                @Schema(description = "草稿数 · Drafts") int drafts,
                                @Schema(description = "已发布数 · Drafts published") int published,
                                String createdBy, OffsetDateTime createdAt) {
}
