package org.kpi.goals.indicators;

/** Whether more or less of an indicator is better. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
