package org.kpi.notify.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a reminder by SMS (短信) through the {@link SmsGateway}: the gateway's template gets the
 * message's title and link as parameters ({@code title}, {@code link}, {@code kind}), since SMS
 * text is fixed by templates registered with the provider.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    /** Longest title handed to the template: a long SMS costs several, and the link follows it. */
    static final int MAX_TITLE = 60;

    @Inject
    SmsGateway gateway;

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure {
        Map<String, String> parameters = new LinkedHashMap<>();
        Object kind = message.facts() == null ? null : message.facts().get("kind");
        parameters.put("kind", kind == null ? "" : kind.toString());
        String title = message.title();
        parameters.put("title", title.codePointCount(0, title.length()) <= MAX_TITLE ? title
                : title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1)) + "…");
        parameters.put("link", message.link());
        gateway.send(message.idempotencyKey(), List.of(channel.address()), parameters);
    }
}
