package org.kpi.goals.actuals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One reported value of a target for one period; every revision of a period is kept. */
@Entity
@Table(name = "actual")
public class Actual {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_id", nullable = false)
    public long targetId;

    @Column(nullable = false, length = 8)
    public String period;

    @Column(name = "end_month", nullable = false)
    public short endMonth;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(length = 500)
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public ActualStatus status;

    /** 1 for the first report of a period, then one more per resubmission or restatement. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "submitted_by", nullable = false, length = 128)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "decided_by", length = 128)
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "return_reason", length = 500)
    public String returnReason;

    @Column(name = "restatement_reason", length = 500)
    public String restatementReason;

    /** The task whose progress report proposed this actual, or {@code null} for one reported by hand. */
    @Column(name = "source_task_id")
    public Long sourceTaskId;

    /** The progress report (of task-service) this actual was derived from, or {@code null}. */
    @Column(name = "source_report_id")
    public Long sourceReportId;

    @Version
    @Column(nullable = false)
    public long version;
}
