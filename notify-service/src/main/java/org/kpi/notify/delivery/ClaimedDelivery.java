package org.kpi.notify.delivery;

import org.kpi.notify.contacts.ChannelType;

import java.time.OffsetDateTime;

/**
 * A delivery a worker has claimed: it is {@code SENDING} under this worker's lease until the
 * outcome is written. {@code attempt} is the attempt this claim makes (the row's {@code attempts}
 * after the claim) and fences the outcome: a worker whose lease ran out and was taken over
 * cannot overwrite the newer claim's result with a failure.
 */
public record ClaimedDelivery(long id, long reminderId, String orgUnitCode, ChannelType channel, String address,
                              String title, String body, String link, String factsJson, String idempotencyKey,
                              int attempt, String digestGroup, OffsetDateTime createdAt) {
}
