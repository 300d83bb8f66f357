package org.kpi.goals.indicators;

/** How an indicator's values combine over the year. */
public enum IndicatorKind {
    /** A year-to-date rate (GDP growth 6.5%): compared, never summed; the latest value counts. */
    GROWTH_RATE,
    /** Counts or amounts that add up over the year (projects started, firms attracted). */
    CUMULATIVE,
    /** A rate measured at a point in time (hotline closure rate, satisfaction): the latest value counts. */
    LEVEL
}
