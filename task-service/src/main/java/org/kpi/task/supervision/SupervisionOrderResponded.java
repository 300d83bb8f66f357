package org.kpi.task.supervision;

import java.time.OffsetDateTime;

/** Payload of {@code supervision-order.responded}: the lead unit answered the order. */
public record SupervisionOrderResponded(Long id, Long taskId, String leadUnitCode, OffsetDateTime respondedAt) {
}
