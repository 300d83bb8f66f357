package org.kpi.task.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A lead unit's request that its task go to another unit (申请改派), and the supervisor's decision. */
@Entity
@Table(name = "reassignment_request")
public class ReassignmentRequest {

    /** Where a request stands. */
    public enum Status {
        PENDING, GRANTED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public long taskId;

    @Column(name = "from_unit_code", nullable = false, length = 32)
    public String fromUnitCode;

    @Column(name = "suggested_unit_code", length = 32)
    public String suggestedUnitCode;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status;

    @Column(name = "requested_by", nullable = false, length = 128)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "new_lead_unit_code", length = 32)
    public String newLeadUnitCode;

    @Column(name = "decision_reason", columnDefinition = "text")
    public String decisionReason;

    @Column(name = "decided_by", length = 128)
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
