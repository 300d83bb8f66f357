package org.kpi.goals.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A bonus or deduction entered by a supervisor. */
public record AdjustmentView(long id, String orgUnitCode, String unitCode, BigDecimal points, String reason,
                             LocalDate effectiveOn, String createdBy, OffsetDateTime createdAt) {
}
