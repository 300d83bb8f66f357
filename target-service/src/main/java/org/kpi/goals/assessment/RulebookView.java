package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One version of a rulebook, and the periods of its year already published. */
@Schema(description = "考核细则（某一版本） · One version of a rulebook")
public record RulebookView(
        String orgUnitCode,
        int year,
        int version,
        List<ComponentView> components,
        @Schema(nullable = true) String reason,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "本年度已公布的期次 · Periods of the year published") List<String> publishedPeriods) {
}
