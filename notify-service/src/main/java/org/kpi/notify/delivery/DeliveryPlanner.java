package org.kpi.notify.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.policies.EffectivePolicy;
import org.kpi.notify.policies.QuietWindow;
import org.kpi.notify.reminders.ReminderRows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how a message for one unit goes out on each of its channels: the inbox at once; other
 * channels after the unit's quiet hours, or at the digest hour when the unit asked for a daily
 * digest (all of a day's messages on one channel then share a digest group and go out as one).
 * Notices of events are not held for the digest: they go after quiet hours like any message, each
 * on its own.
 */
@ApplicationScoped
public class DeliveryPlanner {

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    private static boolean throttled(ChannelType type) {
        return type == ChannelType.DINGTALK || type == ChannelType.WECOM || type == ChannelType.FEISHU;
    }

    /** One delivery per channel in {@code channels} of the reminder {@code reminderId}, digested if the unit asks. */
    public List<ReminderRows.NewDelivery> plan(long reminderId, String unit, String title, String text, String link,
                                               String factsJson, EffectivePolicy policy, Instant now,
                                               List<ContactChannel> channels, String kind) {
        return plan(reminderId, unit, title, text, link, factsJson, policy, now, channels, kind, true);
    }

    /**
     * One delivery per channel in {@code channels} of the reminder or notice {@code reminderId} of
     * kind {@code kind}: SMS only where the unit's policy sends that kind by SMS (never for a
     * {@code null} kind); {@code digestible} false sends it on its own even to a unit that asked for
     * a daily digest (notices), still after quiet hours.
     */
    public List<ReminderRows.NewDelivery> plan(long reminderId, String unit, String title, String text, String link,
                                               String factsJson, EffectivePolicy policy, Instant now,
                                               List<ContactChannel> channels, String kind, boolean digestible) {
        List<ReminderRows.NewDelivery> made = new ArrayList<>(channels.size());
        for (ContactChannel channel : channels) {
            if (channel.type() == ChannelType.SMS && (kind == null || !policy.sms().allows(kind))) {
                continue;
            }
            Instant when = now;
            String digestGroup = null;
            if (channel.type() != ChannelType.INBOX) {
                if (digestible && policy.digest()) {
                    LocalDate day = now.atZone(clock.getZone()).toLocalDate();
                    Instant digestAt = day.atTime(config.delivery().digestAt()).atZone(clock.getZone()).toInstant();
                    if (!now.isBefore(digestAt)) {
                        day = day.plusDays(1);
                        digestAt = day.atTime(config.delivery().digestAt()).atZone(clock.getZone()).toInstant();
                    }
                    when = digestAt;
                    digestGroup = unit + "|" + channel.type() + "|" + channel.address() + "|" + day;
                }
                Instant released = QuietWindow.release(when, policy.quietHours(), clock.getZone());
                if (throttled(channel.type()) && (digestGroup != null || released.isAfter(now))) {
                    // a robot's held messages go out spread after the hour, not all on it; a digest's
                    // members by the same amount, so they still go out together
                    long spread = Math.max(1, config.robots().spread().toMillis());
                    released = released.plusMillis(digestGroup != null ? Math.floorMod(digestGroup.hashCode(), spread)
                            : ThreadLocalRandom.current().nextLong(spread));
                }
                when = released;
            }
            made.add(new ReminderRows.NewDelivery(reminderId, unit, channel.type().name(), channel.address(), title,
                    text, link, factsJson, when, digestGroup));
        }
        return made;
    }
}
