package org.kpi.target.indicators;

/** How often actuals are reported. */
public enum Frequency {
    MONTHLY,
    QUARTERLY
}
