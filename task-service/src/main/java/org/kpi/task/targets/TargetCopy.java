package org.kpi.task.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * This service's copy of a target (年度目标) of target-service, kept by {@link TargetReplicator};
 * never changed here otherwise.
 */
@Entity
@Table(name = "target_copy")
public class TargetCopy {

    @Id
    public Long id;

    @Column(name = "indicator_code", nullable = false, length = 32)
    public String indicatorCode;

    @Column(name = "indicator_name", length = 100)
    public String indicatorName;

    @Column(length = 16)
    public String unit;

    @Column(length = 12)
    public String frequency;

    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(name = "responsible_unit_code", nullable = false, length = 32)
    public String responsibleUnitCode;

    @Column(nullable = false)
    public short year;

    @Column(name = "committed_value", precision = 20, scale = 4)
    public BigDecimal committedValue;

    @Column(nullable = false)
    public long version;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
