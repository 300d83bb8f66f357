package org.kpi.goals.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An annual target (年度目标): an indicator for an org unit and a year, with a committed value
 * (确保), an optional stretch value (力争), a plan and the department responsible. It also keeps
 * a summary of its approved actuals, so progress needs no scan of the actuals.
 */
@Entity
@Table(name = "target")
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_code", nullable = false, length = 32)
    public String indicatorCode;

    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(nullable = false)
    public short year;

    @Column(name = "committed_value", nullable = false, precision = 20, scale = 4)
    public BigDecimal committedValue;

    @Column(name = "stretch_value", precision = 20, scale = 4)
    public BigDecimal stretchValue;

    @Column(name = "responsible_unit_code", nullable = false, length = 32)
    public String responsibleUnitCode;

    /** JSON array of {@code {period, value}}. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Colour colour;

    /** Sum of approved actuals (cumulative indicators). */
    @Column(name = "approved_total", precision = 24, scale = 4)
    public BigDecimal approvedTotal;

    @Column(name = "latest_period", length = 8)
    public String latestPeriod;

    @Column(name = "latest_value", precision = 20, scale = 4)
    public BigDecimal latestValue;

    /** The month (1–12) the latest approved period ends in. */
    @Column(name = "latest_end_month")
    public Short latestEndMonth;

    /** Sum of approved actuals of periods ending by June. */
    @Column(name = "h1_total", precision = 24, scale = 4)
    public BigDecimal h1Total;

    /** The approved value of the period ending in June. */
    @Column(name = "h1_value", precision = 20, scale = 4)
    public BigDecimal h1Value;

    /** Whether the period ending in June has an approved actual (时间过半 reported). */
    @Column(name = "h1_reported", nullable = false)
    public boolean h1Reported;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
