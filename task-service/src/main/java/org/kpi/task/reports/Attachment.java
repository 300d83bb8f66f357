package org.kpi.task.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An attachment's metadata. The bytes live in the same row ({@code content}, bytea) but are not
 * mapped, so listing reports never loads them; {@link ReportService} reads and writes them in SQL.
 */
@Entity
@Table(name = "report_attachment")
public class Attachment {

    @Id
    public Long id;

    @Column(name = "report_id", nullable = false)
    public Long reportId;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(name = "media_type", nullable = false, length = 128)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 128)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;
}
