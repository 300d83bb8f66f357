package org.kpi.goals.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/v1/targets/{id}/progress}: where a target stands on {@code asOf}. */
public record ProgressView(LocalDate asOf, String latestPeriod, BigDecimal actual, BigDecimal committedValue,
                           BigDecimal stretchValue, Double completionRatio, Double expectedRatio, Colour colour,
                           boolean stretchReached, boolean actualsOverdue) {
}
