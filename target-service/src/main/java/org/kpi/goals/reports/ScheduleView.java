package org.kpi.goals.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * When a unit has a kind of document issued and sent (定时印发). {@code day} is the ISO day of the
 * week for the weekly list (5 = Friday), the day of the next month for the bulletin, the day of the
 * month after the quarter for the analysis.
 *
 * @param nextRun when the next one will be issued, or null while it is not enabled
 */
@Schema(description = "定时印发设置 · When a kind of document is issued and sent")
public record ScheduleView(String orgUnitCode, ReportKind kind, boolean enabled, int day,
                           @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                   format = "time", example = "16:00") LocalTime time,
                           @Schema(nullable = true) String updatedBy,
                           @Schema(nullable = true) OffsetDateTime updatedAt,
                           @Schema(nullable = true) OffsetDateTime nextRun) {
}
