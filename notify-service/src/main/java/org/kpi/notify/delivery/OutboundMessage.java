package org.kpi.notify.delivery;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One message for one org unit on one channel, rendered and ready to send.
 *
 * @param deliveryId     the delivery it belongs to
 * @param idempotencyKey stable across every retry of this delivery; peers use it to drop repeats
 * @param orgUnitCode    the recipient unit
 * @param title          one line: what is due or late (the mail subject, the robot title)
 * @param text           the body in plain text with line breaks (Chinese), link included
 * @param link           where to act in the web console
 * @param facts          the message's facts as JSON-ready values (subject, kind, due date, days
 *                       late, lead unit …) for machine peers such as webhooks
 * @param createdAt      when the message was created
 */
public record OutboundMessage(long deliveryId, String idempotencyKey, String orgUnitCode, String title, String text,
                              String link, Map<String, Object> facts, OffsetDateTime createdAt) {
}
