package org.kpi.task.drafts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One draft task found in a plan (任务草稿), as the extractor made it and the supervisor edited it. */
@Entity
@Table(name = "task_draft")
public class TaskDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "batch_id", nullable = false)
    public long batchId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "source_text", nullable = false, columnDefinition = "text")
    public String sourceText;

    @Column(name = "source_start", nullable = false)
    public int sourceStart;

    @Column(name = "source_end", nullable = false)
    public int sourceEnd;

    @Column(length = 64)
    public String category;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "due_date_text", length = 32)
    public String dueDateText;

    /** The milestones as JSON: {@code [{"title": …, "dueDate": "2022-09-10"}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String milestones;

    @Column(name = "quantity_value", precision = 18, scale = 4)
    public BigDecimal quantityValue;

    @Column(name = "quantity_unit", length = 32)
    public String quantityUnit;

    @Column(name = "quantity_qualifier", length = 8)
    public String quantityQualifier;

    @Column(name = "quantity_masked", nullable = false)
    public boolean quantityMasked;

    @Column(name = "suggested_lead_unit_code", length = 32)
    public String suggestedLeadUnitCode;

    /** The suggested co-units as a JSON array of codes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "suggested_co_unit_codes", nullable = false, columnDefinition = "jsonb")
    public String suggestedCoUnitCodes;

    @Column(nullable = false, precision = 3, scale = 2)
    public BigDecimal confidence;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
