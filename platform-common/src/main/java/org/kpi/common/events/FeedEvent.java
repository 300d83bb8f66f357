package org.kpi.common.events;

import com.fasterxml.jackson.databind.JsonNode;

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
public record FeedEvent(long seq, String type, OffsetDateTime occurredAt, String key, JsonNode payload) {
}
