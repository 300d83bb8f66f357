package org.kpi.common.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An audit entry as read back by supervisors.
 *
 * @param before the object as it was (JSON), {@code null} for a creation
 * @param after  the object as it became (JSON), {@code null} where nothing remains
 */
@Schema(name = "AuditEntry", description = "一条操作留痕 · One audit entry")
public record AuditView(long id, OffsetDateTime occurredAt, String actor, @Schema(nullable = true) String actorName,
                        @Schema(nullable = true) String actorOrg, String action, String entity,
                        @Schema(nullable = true) String entityId, @Schema(nullable = true) String scopeOrg,
                        @Schema(nullable = true, description = "修改前的对象 · The object before") Map<String, Object> before,
                        @Schema(nullable = true, description = "修改后的对象 · The object after") Map<String, Object> after) {
}
