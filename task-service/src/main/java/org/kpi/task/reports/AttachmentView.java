package org.kpi.task.reports;

import java.time.OffsetDateTime;

/** An attachment as clients see it; {@code href} downloads it. */
public record AttachmentView(Long id, String fileName, String mediaType, long sizeBytes, String sha256,
                             String uploadedBy, OffsetDateTime uploadedAt, String href) {

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.fileName, a.mediaType, a.sizeBytes, a.sha256, a.uploadedBy, a.uploadedAt,
                "/api/v1/tasks/" + a.taskId + "/progress-reports/" + a.reportId + "/attachments/" + a.id);
    }
}
