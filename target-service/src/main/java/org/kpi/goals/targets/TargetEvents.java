package org.kpi.goals.targets;

import org.kpi.goals.indicators.Frequency;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Payloads of the target events on target-service's feed. */
public final class TargetEvents {

    public static final String UPSERTED = "target.upserted";
    public static final String STATUS_CHANGED = "target.status-changed";

    private TargetEvents() {
    }

    /**
     * {@code target.upserted}: everything a consumer needs to chase the target's actuals
     * (frequency and due day included).
     */
    public record Upserted(long id, String indicatorCode, String indicatorName, String unit, Frequency frequency,
                           int actualsDueDay, String orgUnitCode, int year, BigDecimal committedValue,
                           BigDecimal stretchValue, String responsibleUnitCode, List<PlanEntry> plan,
                           Colour colour, long version) {
    }

    /** {@code target.status-changed}: the colour moved. */
    public record StatusChanged(long targetId, String indicatorCode, String orgUnitCode, String responsibleUnitCode,
                                int year, Colour from, Colour to, LocalDate asOf) {
    }
}
