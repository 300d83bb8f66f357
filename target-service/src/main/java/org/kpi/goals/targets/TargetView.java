package org.kpi.goals.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressView;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A target as the API shows it, with its progress as of today. */
@Schema(description = "年度目标及其当前进度 · An annual target with its progress")
public record TargetView(long id, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                         int year, BigDecimal committedValue,
                         @Schema(nullable = true) BigDecimal stretchValue,
                         String responsibleUnitCode,
                         List<PlanEntry> plan, Colour colour, ProgressView progress, long version,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
