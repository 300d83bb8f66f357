package org.kpi.goals.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An indicator (指标): what is measured, in which unit, how values combine and when they are due. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    @Column(length = 32)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 16)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Frequency frequency;

    /** Day of the following month by which a period's actuals are due. */
    @Column(name = "actuals_due_day", nullable = false)
    public short actualsDueDay;

    /** Overrides the default YELLOW tolerance (ratio points behind schedule), or null. */
    @Column(name = "yellow_tolerance", precision = 6, scale = 4)
    public BigDecimal yellowTolerance;

    /** The org unit that owns the indicator (its supervisors change it), or null: only admins change it. */
    @Column(name = "owner_unit_code", length = 32)
    public String ownerUnitCode;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
