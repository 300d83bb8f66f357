package org.kpi.notify.contacts;

/**
 * One way to reach an org unit, as the delivery engine uses it (the secret included, which the
 * API never shows).
 *
 * @param type    the channel
 * @param address where to: an e-mail address, an http(s) URL; empty for the inbox
 * @param secret  the signing secret of a webhook or robot, {@code null} when none is set
 */
public record ContactChannel(ChannelType type, String address, String secret) {

    /** The inbox every unit has without configuring it. */
    public static final ContactChannel INBOX = new ContactChannel(ChannelType.INBOX, "", null);
}
