package org.kpi.notify.contacts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kpi.common.audit.AuditLog;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.delivery.RobotThrottle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a short test message (测试消息) to every channel of a unit, now and one after another, with
 * the same senders the delivery engine uses, so whoever keeps the contacts sees at once whether a
 * robot's address, secret and keyword settings work. Nothing is queued or retried, and the inbox
 * is not written (an inbox message belongs to a delivery): the inbox, which needs no configuration,
 * is reported as sent. A post to a group robot counts against the robot's rate limit
 * ({@link RobotThrottle}) like any other, and a robot without room is reported, not waited for. The
 * same people may test as may write the contacts; every test is audited with its results.
 */
@ApplicationScoped
public class ContactTestService {

    private static final Logger LOG = Logger.getLogger(ContactTestService.class);

    /** The title of every test message. */
    public static final String TITLE = "【测试】督考平台提醒测试消息";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @Inject
    ContactsService contacts;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    RobotThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    public TestSendReport test(String orgUnitCode) {
        ContactsService.Recipient recipient = contacts.recipientForTest(orgUnitCode);
        Map<ChannelType, ChannelSender> byType = new EnumMap<>(ChannelType.class);
        senders.forEach(sender -> byType.put(sender.type(), sender));
        OutboundMessage message = message(orgUnitCode, recipient.name());
        List<TestSendResult> results = new ArrayList<>();
        for (ContactChannel channel : recipient.channels()) {
            results.add(send(byType.get(channel.type()), channel, message));
        }
        TestSendReport report = new TestSendReport(results);
        QuarkusTransaction.requiringNew().run(() ->
                audit.record("test", ContactsService.ENTITY, orgUnitCode, orgUnitCode, null, report));
        return report;
    }

    private TestSendResult send(ChannelSender sender, ContactChannel channel, OutboundMessage message) {
        if (channel.type() == ChannelType.INBOX) {
            return new TestSendResult(channel.type(), channel.address(), TestSendOutcome.SENT, null);
        }
        if (sender == null) {
            return failed(channel, "本服务尚不支持" + channel.type() + "渠道，请改用其他联系方式");
        }
        // a test counts against a robot's rate limit like any message, and waits for none
        Optional<Instant> notBefore = throttle.acquire(channel.type(), channel.address(), sender.posts(message));
        if (notBefore.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), notBefore.get()).toSeconds());
            return failed(channel, "这个机器人的发送额度暂时用完（或它刚提示发送过快），未发送测试消息，请 " + seconds + " 秒后再试");
        }
        try {
            sender.send(channel, message);
            return new TestSendResult(channel.type(), channel.address(), TestSendOutcome.SENT, null);
        } catch (DeliveryFailure failure) {
            if (failure.outcome() == DeliveryFailure.Outcome.RETRY_AFTER && failure.retryAfter() != null) {
                throttle.block(channel.type(), channel.address(), clock.instant().plus(failure.retryAfter()));
            }
            return failed(channel, failure.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Test message on %s failed unexpectedly", channel.type());
            return failed(channel, "发送时出现内部错误，请稍后再试");
        }
    }

    private static TestSendResult failed(ContactChannel channel, String error) {
        return new TestSendResult(channel.type(), channel.address(), TestSendOutcome.FAILED, error);
    }

    private OutboundMessage message(String orgUnitCode, String unitName) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String link = config.publicBaseUrl().replaceAll("/+$", "") + "/";
        String text = TITLE + "\n这是发给" + unitName + "的测试消息，发送时间：" + WHEN.format(now) + "。\n"
                + "收到本消息，说明这个渠道能收到督考平台的提醒和通知，无需回复。\n办理入口：" + link;
        return new OutboundMessage(0, "contact-test-" + UUID.randomUUID(), orgUnitCode, TITLE, text, link,
                Map.of("test", true), OffsetDateTime.now(clock));
    }
}
