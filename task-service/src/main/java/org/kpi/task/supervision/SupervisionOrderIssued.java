package org.kpi.task.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Payload of {@code supervision-order.issued}. */
public record SupervisionOrderIssued(Long id, Long taskId, String taskTitle, String orgUnitCode, String leadUnitCode,
                                     SupervisionLevel level, String reason, LocalDate respondBy, String issuedBy,
                                     OffsetDateTime issuedAt) {
}
