package org.kpi.goals.actuals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An actual as the API and the feed show it. */
public record ActualView(long id, long targetId, String indicatorCode, String orgUnitCode, String responsibleUnitCode,
                         String period, BigDecimal value, String note, ActualStatus status, int revision,
                         String submittedBy, OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt,
                         String returnReason, String restatementReason, long version) {
}
