package org.kpi.task.accountability;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An accountability record as clients see it; also the payload of {@code accountability.recorded}. */
@Schema(description = "问责记录 · An accountability record")
public record AccountabilityView(Long id, String orgUnitCode, AccountabilityKind kind, String reason, @Schema(nullable = true) Long taskId,
                                 @Schema(nullable = true) Long targetId, String recordedBy, OffsetDateTime recordedAt) {


    static AccountabilityView of(AccountabilityRecord r) {
        return new AccountabilityView(r.id, r.orgUnitCode, r.kind, r.reason, r.taskId, r.targetId, r.recordedBy,
                r.recordedAt);
    }
}
