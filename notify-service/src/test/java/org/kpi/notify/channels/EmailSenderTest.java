package org.kpi.notify.channels;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The e-mail sender against a real SMTP server (GreenMail) in the test JVM: what arrives, and how it reads. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(GreenMailResource.class)
class EmailSenderTest {

    private static final String TITLE = "【催办】任务“重点项目开工”已逾期 2 天";
    private static final String TEXT = "甲区发展和改革局：\n任务“重点项目开工”应于 2026 年 6 月 30 日完成，已逾期 2 天。\n"
            + "请尽快办理：http://localhost:8080/tasks/7";

    @InjectMailPeer
    GreenMail greenMail;

    @Inject
    EmailSender sender;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailArrivesWithChineseSubjectAndBodyFromThePlatform() throws Exception {
        sender.send(new ContactChannel(ChannelType.EMAIL, "fgj@example.gov.cn", null), message(7, "delivery-7"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(TITLE, mail.getSubject());
        ContentType type = new ContentType(mail.getContentType());
        assertEquals("text/plain", type.getBaseType().toLowerCase());
        assertEquals("utf-8", type.getParameter("charset").toLowerCase());
        byte[] decoded = MimeUtility.decode(mail.getRawInputStream(), mail.getEncoding()).readAllBytes();
        assertEquals(TEXT, new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("noreply@kpi.local", from.getAddress());
        assertEquals("督考平台", from.getPersonal());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("fgj@example.gov.cn")}, mail.getRecipients(MimeMessage.RecipientType.TO));
        assertEquals("delivery-7", mail.getHeader(EmailSender.IDEMPOTENCY_HEADER)[0]);
    }

    @Test
    void everyAttemptAtOneDeliveryCarriesTheSameMessageId() throws Exception {
        ContactChannel channel = new ContactChannel(ChannelType.EMAIL, "bgs@example.gov.cn", null);
        sender.send(channel, message(8, "delivery-8"));
        sender.send(channel, message(8, "delivery-8"));
        sender.send(channel, message(9, "delivery-9"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 3));
        List<String> ids = Arrays.stream(greenMail.getReceivedMessages()).map(EmailSenderTest::messageId).toList();
        assertEquals(List.of("<delivery-8@notify.kpi>", "<delivery-8@notify.kpi>", "<delivery-9@notify.kpi>"), ids);
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboundMessage message(long deliveryId, String key) {
        return new OutboundMessage(deliveryId, key, "DA1-FGJ", TITLE, TEXT, "http://localhost:8080/tasks/7",
                Map.of("kind", "TASK_OVERDUE", "daysLate", 2), OffsetDateTime.of(2026, 7, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
    }
}
