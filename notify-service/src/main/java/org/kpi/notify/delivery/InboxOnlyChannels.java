package org.kpi.notify.delivery;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;

import java.util.List;
import java.util.Optional;

/** Every unit's implicit inbox, when no contact directory is installed. */
@DefaultBean
@ApplicationScoped
public class InboxOnlyChannels implements RecipientChannels {

    @Override
    public List<ContactChannel> channelsOf(String orgUnitCode) {
        return List.of(ContactChannel.INBOX);
    }

    @Override
    public Optional<ContactChannel> find(String orgUnitCode, ChannelType type, String address) {
        return type == ChannelType.INBOX ? Optional.of(ContactChannel.INBOX) : Optional.empty();
    }
}
