package org.kpi.goals.indicators;

/** How often actuals are reported. */
public enum Frequency {
    MONTHLY,
    QUARTERLY
}
