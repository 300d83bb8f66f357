package org.kpi.task.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kpi.task.tasks.UnitRole;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A progress report (进展填报) of one unit — the lead or a co-unit — on a task. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(name = "unit_code", nullable = false, length = 32)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public UnitRole role;

    @Column(nullable = false)
    public String text;

    @Column(name = "percent_done")
    public Integer percentDone;

    @Column(name = "quantity_reached", precision = 18, scale = 4)
    public BigDecimal quantityReached;

    @Column(name = "reported_by", nullable = false, length = 128)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
