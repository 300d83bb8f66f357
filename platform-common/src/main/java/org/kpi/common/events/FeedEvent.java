package org.kpi.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * An event as served on a feed and as handed to consumers.
 *
 * @param seq        position in the producer's feed, strictly increasing in commit order
 * @param type       e.g. {@code org-unit.upserted}
 * @param occurredAt when the change was committed
 * @param key        the id of the object the event is about
 * @param payload    the object's state (event-carried state transfer)
 */
@Schema(description = "事件流中的一个事件 · One event of a feed")
public record FeedEvent(long seq, String type, OffsetDateTime occurredAt, String key,
                        @Schema(description = "对象变更后的状态，结构随 type 而定 · The object's state; its shape "
                                        + "depends on type") JsonNode payload) {
}
