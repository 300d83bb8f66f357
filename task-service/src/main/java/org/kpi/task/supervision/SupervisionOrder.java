package org.kpi.task.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A supervision order (督办单) on a lagging task, to be answered by the lead unit by a date. */
@Entity
@Table(name = "supervision_order")
public class SupervisionOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SupervisionLevel level;

    @Column(nullable = false)
    public String reason;

    @Column(name = "respond_by", nullable = false)
    public LocalDate respondBy;

    @Column(name = "issued_by", nullable = false, length = 128)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "response_text")
    public String responseText;

    @Column(name = "responded_by", length = 128)
    public String respondedBy;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean isAnswered() {
        return respondedAt != null;
    }
}
