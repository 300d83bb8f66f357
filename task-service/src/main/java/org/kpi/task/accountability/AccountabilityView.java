package org.kpi.task.accountability;

import java.time.OffsetDateTime;

/** An accountability record as clients see it; also the payload of {@code accountability.recorded}. */
public record AccountabilityView(Long id, String orgUnitCode, AccountabilityKind kind, String reason, Long taskId,
                                 String targetId, String recordedBy, OffsetDateTime recordedAt) {

    static AccountabilityView of(AccountabilityRecord r) {
        return new AccountabilityView(r.id, r.orgUnitCode, r.kind, r.reason, r.taskId, r.targetId, r.recordedBy,
                r.recordedAt);
    }
}
