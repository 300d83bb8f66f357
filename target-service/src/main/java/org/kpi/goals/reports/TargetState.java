package org.kpi.goals.reports;

import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;

/** A target as the documents read it: where it stands on the document's day. */
record TargetState(long targetId, String indicatorCode, String indicatorName, String unit, String orgUnitCode,
                   String responsibleUnitCode, BigDecimal committedValue, BigDecimal actual, Double completionRatio,
                   Double expectedRatio, Colour colour, Boolean halfYearMet) {
}
