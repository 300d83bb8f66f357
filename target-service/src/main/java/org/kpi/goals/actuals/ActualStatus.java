package org.kpi.goals.actuals;

/** Where an actual (实绩) stands. */
public enum ActualStatus {
    /** Reported by the responsible department, awaiting a supervisor. */
    SUBMITTED,
    /** Accepted; the period is locked and counts towards progress. */
    APPROVED,
    /** Sent back with a reason; the department may report the period again. */
    RETURNED,
    /** An approved value later restated; kept for the record. */
    SUPERSEDED
}
