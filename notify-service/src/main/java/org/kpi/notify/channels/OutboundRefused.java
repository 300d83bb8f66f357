package org.kpi.notify.channels;

/** An outbound call the {@link OutboundGuard} does not allow; the message says why, in Chinese. */
public class OutboundRefused extends Exception {

    public OutboundRefused(String message) {
        super(message, null, false, false);
    }
}
