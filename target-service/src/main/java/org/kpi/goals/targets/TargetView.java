package org.kpi.goals.targets;

import org.kpi.goals.progress.Colour;
import org.kpi.goals.progress.ProgressView;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A target as the API shows it, with its progress as of today. */
public record TargetView(long id, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                         int year, BigDecimal committedValue, BigDecimal stretchValue, String responsibleUnitCode,
                         List<PlanEntry> plan, Colour colour, ProgressView progress, long version,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
