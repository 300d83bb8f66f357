package org.kpi.task.tasks;

import java.time.OffsetDateTime;

/**
 * A unit's signature on a task (签收): who signed when, and whether it was implied by a progress
 * report rather than given.
 */
public record Signature(String unitCode, OffsetDateTime signedAt, String signedBy, boolean implicit) {
}
