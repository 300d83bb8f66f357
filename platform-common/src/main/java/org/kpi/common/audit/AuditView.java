package org.kpi.common.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** An audit entry as read back by supervisors. */
public record AuditView(long id, OffsetDateTime occurredAt, String actor, String actorName, String actorOrg,
                        String action, String entity, String entityId, String scopeOrg,
                        JsonNode before, JsonNode after) {
}
