package org.kpi.goals.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/v1/targets/{id}/progress}: where a target stands on {@code asOf}. */
@Schema(description = "目标截至 asOf 的序时进度与颜色 · Where a target stands on asOf")
public record ProgressView(LocalDate asOf,
                           @Schema(nullable = true) String latestPeriod,
                           @Schema(nullable = true) BigDecimal actual,
                           BigDecimal committedValue,
                           @Schema(nullable = true) BigDecimal stretchValue,
                           @Schema(nullable = true) Double completionRatio,
                           Double expectedRatio, Colour colour,
                           boolean stretchReached, boolean actualsOverdue) {
}
