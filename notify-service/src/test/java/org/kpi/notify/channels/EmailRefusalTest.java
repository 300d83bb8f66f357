package org.kpi.notify.channels;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the e-mail sender reads a relay's refusals: a rejected recipient is final, a busy or absent relay is retried. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(ScriptedSmtpResource.class)
class EmailRefusalTest {

    @InjectMailPeer
    ScriptedSmtp relay;

    @Inject
    EmailSender sender;

    @Test
    void rejectedRecipientIsPermanentAndNamesTheAddress() {
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(email("unknown.user@example.gov.cn"), message()));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertTrue(failure.getMessage().startsWith("邮件服务器拒收（SMTP 550"), failure.getMessage());
        assertTrue(failure.getMessage().contains("请检查邮箱地址 unknown.user@example.gov.cn"), failure.getMessage());
    }

    @Test
    void temporaryRefusalIsRetried() {
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(email("busy@example.gov.cn"), message()));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertTrue(failure.getMessage().contains("SMTP 451"), failure.getMessage());
        assertDoesNotThrow(() -> sender.send(email("fgj@example.gov.cn"), message()), "an accepted recipient goes through");
    }

    @Test
    void relayThatIsDownIsRetried() throws Exception {
        relay.down();
        try {
            DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(email("fgj@example.gov.cn"), message()));
            assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
            assertTrue(failure.getMessage().contains("无法连接邮件服务器"), failure.getMessage());
        } finally {
            relay.listen();
        }
    }

    private static ContactChannel email(String address) {
        return new ContactChannel(ChannelType.EMAIL, address, null);
    }

    private static OutboundMessage message() {
        return new OutboundMessage(1, "delivery-1", "DA1-FGJ", "【提醒】测试", "正文", "http://localhost:8080/tasks/1", Map.of(),
                OffsetDateTime.now());
    }
}
