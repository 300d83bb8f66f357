package org.kpi.task.reports;

import org.kpi.task.tasks.Quantity;
import org.kpi.task.tasks.UnitRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A progress report as clients see it, with its attachments' metadata. */
@Schema(description = "一次进展填报及其附件 · A progress report with its attachments")
public record ProgressReportView(Long id, Long taskId, String unitCode, UnitRole role, String text,
                                 @Schema(nullable = true) Integer percentDone, @Schema(nullable = true) BigDecimal quantityReached, String reportedBy,
                                 OffsetDateTime reportedAt, List<AttachmentView> attachments) {


    static ProgressReportView of(ProgressReport r, List<AttachmentView> attachments) {
        return new ProgressReportView(r.id, r.taskId, r.unitCode, r.role, r.text, r.percentDone,
                Quantity.plain(r.quantityReached), r.reportedBy,
                r.reportedAt, attachments);
    }
}
