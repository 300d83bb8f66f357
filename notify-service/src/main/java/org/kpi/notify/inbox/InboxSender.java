package org.kpi.notify.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.OutboundMessage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Puts a message in the recipient unit's in-app inbox (站内信). One inbox message per delivery:
 * a repeated attempt finds it there and adds nothing.
 */
@ApplicationScoped
public class InboxSender implements ChannelSender {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public ChannelType type() {
        return ChannelType.INBOX;
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) {
        Object kind = message.facts() == null ? null : message.facts().get("kind");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into inbox_message (delivery_id, org_unit_code, title, body, link, kind, created_at)
                        values (:delivery, :unit, :title, :body, :link, :kind, :now)
                        on conflict (delivery_id) do nothing""")
                .setParameter("delivery", message.deliveryId())
                .setParameter("unit", message.orgUnitCode())
                .setParameter("title", message.title())
                .setParameter("body", message.text())
                .setParameter("link", message.link())
                .setParameter("kind", kind == null ? "NOTICE" : kind.toString())
                .setParameter("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .executeUpdate());
    }
}
