package org.kpi.task.tasks;

import java.time.OffsetDateTime;

/**
 * Payload of {@code task.signed-for}: a unit signed for a task, by hand or ({@code implicit}) by
 * reporting progress on it first.
 */
public record SignedFor(long taskId, String unitCode, UnitRole role, OffsetDateTime signedAt, boolean implicit) {
}
