package org.kpi.task.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A reassignment request as clients and the feed see it. */
@Schema(description = "改派申请及审核结果 · A reassignment request and its decision")
public record ReassignmentView(
        long id,
        long taskId,
        String taskTitle,
        String orgUnitCode,
        String fromUnitCode,
        @Schema(nullable = true) String suggestedUnitCode,
        String reason,
        @Schema(description = "PENDING 待审核、GRANTED 已同意、REFUSED 已拒绝 · Pending, granted or refused")
        ReassignmentRequest.Status status,
        String requestedBy,
        OffsetDateTime requestedAt,
        @Schema(nullable = true) String newLeadUnitCode,
        @Schema(nullable = true, description = "同意时的说明或拒绝理由 · The note or the reason for refusing")
        String decisionReason,
        @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime decidedAt) {

    static ReassignmentView of(ReassignmentRequest r, Task task) {
        return new ReassignmentView(r.id, r.taskId, task.title, task.orgUnitCode, r.fromUnitCode,
                r.suggestedUnitCode, r.reason, r.status, r.requestedBy, r.requestedAt, r.newLeadUnitCode,
                r.decisionReason, r.decidedBy, r.decidedAt);
    }
}
