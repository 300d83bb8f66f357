package org.kpi.notify.delivery;

import java.time.Duration;

/**
 * A send that did not succeed. Its message is shown to supervisors as the delivery's
 * {@code lastError}, so it is Chinese and says what to do where it can.
 */
public class DeliveryFailure extends Exception {

    /** What the engine does next. */
    public enum Outcome {
        /** Try again after the usual back-off (timeouts, 5xx, connection refused). */
        RETRY,
        /** Try again after {@link #retryAfter()} (the peer rate-limited us). */
        RETRY_AFTER,
        /** Do not try again: the configuration is wrong (bad address, refused target, bad signature). */
        PERMANENT
    }

    private final Outcome outcome;
    private final Duration retryAfter;

    private DeliveryFailure(String message, Outcome outcome, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure retry(String message, Throwable cause) {
        return new DeliveryFailure(message, Outcome.RETRY, null, cause);
    }

    public static DeliveryFailure retryAfter(String message, Duration wait) {
        return new DeliveryFailure(message, Outcome.RETRY_AFTER, wait, null);
    }

    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, Outcome.PERMANENT, null, null);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The wait the peer asked for; {@code null} unless {@link Outcome#RETRY_AFTER}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
