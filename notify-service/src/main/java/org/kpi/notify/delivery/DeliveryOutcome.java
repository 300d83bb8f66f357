package org.kpi.notify.delivery;

import java.time.Instant;

/**
 * What became of one claimed delivery's attempt, to be written back.
 *
 * @param delivery    the claimed delivery
 * @param status      SENT, RETRYING, DEAD or CANCELLED; PENDING when throttled (not attempted)
 * @param error       the reason shown to supervisors; {@code null} when sent
 * @param nextAttempt when to try again (RETRYING and throttled only)
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

    /** Not attempted: the robot's rate limit has no room before {@code notBefore}; the attempt is not counted. */
    public static DeliveryOutcome throttled(ClaimedDelivery delivery, Instant notBefore) {
        return new DeliveryOutcome(delivery, DeliveryStatus.PENDING, null, notBefore);
    }

    public static DeliveryOutcome cancelled(ClaimedDelivery delivery, String error) {
        return new DeliveryOutcome(delivery, DeliveryStatus.CANCELLED, error, null);
    }
}
