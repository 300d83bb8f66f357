package org.kpi.task.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An accountability record (问责记录) against an org unit, optionally tied to a task or target. Append-only. */
@Entity
@Table(name = "accountability_record")
public class AccountabilityRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(name = "org_path", nullable = false, length = 512)
    public String orgPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public AccountabilityKind kind;

    @Column(nullable = false)
    public String reason;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "target_id")
    public Long targetId;

    @Column(name = "recorded_by", nullable = false, length = 128)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
