package org.kpi.notify.delivery;

import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;

import java.util.List;
import java.util.Optional;

/** Where the delivery engine finds an org unit's channels (the contacts), secrets included. */
public interface RecipientChannels {

    /** The unit's channels, the inbox first. */
    List<ContactChannel> channelsOf(String orgUnitCode);

    /** The channel as configured now, for its secret at send time; empty when it was removed. */
    Optional<ContactChannel> find(String orgUnitCode, ChannelType type, String address);
}
