package org.kpi.notify.delivery;

import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;

/**
 * Sends messages on one kind of channel. Implementations are {@code @ApplicationScoped} beans; the
 * delivery engine picks the one whose {@link #type()} matches and calls it from worker threads,
 * outside any transaction, once per attempt. Sending is at-least-once: the same message may be
 * sent again after a crash or a timeout, always with the same idempotency key.
 */
public interface ChannelSender {

    ChannelType type();

    /**
     * How many posts sending {@code message} takes (a robot splits a long message into several);
     * each counts against the robot's rate limit.
     */
    default int posts(OutboundMessage message) {
        return 1;
    }

    /** Sends {@code message} to {@code channel}; returns when the peer accepted it. */
    void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure;
}
