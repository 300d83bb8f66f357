package org.kpi.notify.delivery;

import java.time.Instant;

/**
 * What became of one claimed delivery's attempt, to be written back.
 *
 * @param delivery    the claimed delivery
 * @param status      SENT, RETRYING, DEAD or CANCELLED
 * @param error       the reason shown to supervisors; {@code null} when sent
 * @param nextAttempt when to try again (RETRYING only)
 */
public record DeliveryOutcome(ClaimedDelivery delivery, DeliveryStatus status, String error, Instant nextAttempt) {

    public static DeliveryOutcome sent(ClaimedDelivery delivery) {
        return new DeliveryOutcome(delivery, DeliveryStatus.SENT, null, null);
    }

    public static DeliveryOutcome retrying(ClaimedDelivery delivery, String error, Instant nextAttempt) {
        return new DeliveryOutcome(delivery, DeliveryStatus.RETRYING, error, nextAttempt);
    }

    public static DeliveryOutcome dead(ClaimedDelivery delivery, String error) {
        return new DeliveryOutcome(delivery, DeliveryStatus.DEAD, error, null);
    }

    public static DeliveryOutcome cancelled(ClaimedDelivery delivery, String error) {
        return new DeliveryOutcome(delivery, DeliveryStatus.CANCELLED, error, null);
    }
}
