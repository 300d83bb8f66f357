package org.kpi.task.drafts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A plan read for drafts (一次任务分解): its text, where it came from, and whose it is. */
@Entity
@Table(name = "task_draft_batch")
public class DraftBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(name = "org_path", nullable = false, length = 512)
    public String orgPath;

    @Column(nullable = false, length = 64)
    public String title;

    @Column(name = "source_name", length = 200)
    public String sourceName;

    @Column(name = "plan_date", nullable = false)
    public LocalDate planDate;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "created_by", nullable = false, length = 128)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    @Column(nullable = false)
    public long version;
}
