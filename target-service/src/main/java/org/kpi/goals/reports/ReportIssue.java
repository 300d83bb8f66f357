package org.kpi.goals.reports;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/reports/archive}: issue a document now. */
@Schema(description = "立即印发一份文件 · Issue a document now")
public record ReportIssue(
        @NotNull @Schema(description = "单位代码 · Org unit code") String orgUnitCode,
        @NotNull @Schema(description = "文件种类 · Kind") ReportKind kind,
        @Schema(nullable = true, description = "期次：2026-W47、2026-10、2026-Q3；缺省为周调度的本周、通报的上月、分析的上季度 · "
                + "Period; default this week, last month, last quarter") String period) {
}
