package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The scorecard of an org unit's departments for a period: a live preview until it is published. */
@Schema(description = "考核结果：各部门得分与名次；公布前为实时预览 · Scores and ranks; a live preview until published")
public record ScorecardView(
        String orgUnitCode,
        @Schema(description = "考核单位名称 · The unit's name") String orgUnitName,
        int year,
        String period,
        @Schema(description = "PREVIEW 实时预览、PUBLISHED 已公布 · Preview or published") String status,
        int rulebookVersion,
        @Schema(description = "计算所依据的截止日期 · The last day whose facts count") LocalDate asOf,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime publishedAt,
        List<ScorecardItem> items) {
}
