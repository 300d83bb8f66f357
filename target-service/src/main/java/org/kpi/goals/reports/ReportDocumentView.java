package org.kpi.goals.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A document issued (印发) and kept in the archive: immutable once issued. {@code filePath} is where
 * its bytes are served; {@code consolePath} where a person opens it in the console.
 */
@Schema(description = "已印发的文件（归档后不再改变） · A document issued and archived; immutable")
public record ReportDocumentView(long id, String orgUnitCode, String orgUnitName, ReportKind kind, String kindLabel,
                                 String period, String title, String fileName, String contentType, long size,
                                 String sha256, String summary,
                                 @Schema(description = "schedule（定时印发）或印发人 · schedule, or who issued it")
                                 String issuedBy,
                                 OffsetDateTime issuedAt, String filePath, String consolePath) {
}
