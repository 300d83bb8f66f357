package org.kpi.goals.indicators;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An indicator as the API shows it; {@code ownerUnitCode} null means admin-owned. */
@Schema(description = "考核指标 · An indicator")
public record IndicatorView(String code, String name, String unit, IndicatorKind kind, Direction direction,
                            Frequency frequency, int actualsDueDay,
                            @Schema(nullable = true) BigDecimal yellowTolerance,
                            @Schema(nullable = true) String ownerUnitCode,
                            long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code, i.name, i.unit, i.kind, i.direction, i.frequency, i.actualsDueDay,
                i.yellowTolerance, i.ownerUnitCode, i.version, i.createdAt, i.updatedAt);
    }
}
