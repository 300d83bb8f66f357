package org.kpi.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A parked event as admins see it.
 *
 * @param id         dead-letter id (for replay)
 * @param feed       the feed it came from, e.g. {@code target}
 * @param seq        its position on that feed
 * @param type       event type, e.g. {@code org-unit.upserted}
 * @param key        id of the object the event is about
 * @param payload    the event's data as the producer sent it
 * @param occurredAt when the producer committed it
 * @param error      why it could not be applied (or the incident id to look up in the log)
 * @param attempts   attempts made before it was parked (replays included)
 * @param status     {@code PARKED}, or {@code REPLAYED} once a replay succeeded
 * @param parkedAt   when it was parked
 * @param replayedAt when a replay succeeded
 * @param replayedBy who replayed it
 */
@Schema(name = "DeadLetter", description = "被搁置的事件（死信） · A parked event")
public record DeadLetterView(long id, String feed, long seq, String type, String key,
                             @Schema(description = "生产方发来的事件数据 · The event's data") JsonNode payload,
                             OffsetDateTime occurredAt, String error, int attempts, DeadLetter.Status status,
                             OffsetDateTime parkedAt,
                             @Schema(nullable = true, implementation = String.class, format = "date-time")
                             OffsetDateTime replayedAt,
                             @Schema(nullable = true) String replayedBy) {
}
