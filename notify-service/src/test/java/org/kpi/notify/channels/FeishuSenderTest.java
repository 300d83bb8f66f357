package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.RobotPeer;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.messages.DigestRenderer;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kpi.notify.channels.DingTalkSenderTest.assertDoesNotFail;

/**
 * The Feishu custom bot sender against a loopback bot that checks 签名校验 as Feishu documents it
 * and answers with Feishu's error codes.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class FeishuSenderTest {

    private static final String SECRET = "qA3kTz9mYw0P1xLbNfV7cQ";

    @Inject
    FeishuSender sender;

    @Inject
    DigestRenderer digests;

    private final List<RobotPeer> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        peers.forEach(RobotPeer::close);
    }

    @Test
    void signedPostIsAcceptedByABotThatChecksTheSignature() {
        RobotPeer bot = bot(SECRET);
        long before = System.currentTimeMillis() / 1000;
        assertDoesNotFail(() -> sender.send(channel(bot, SECRET), RobotMessages.reminder(1)));
        assertEquals(1, bot.calls());
        RobotPeer.Received request = bot.received().get(0);
        assertTrue(request.signatureValid(), "signature as Feishu computes it");
        assertTrue(request.json().get("timestamp").isTextual(), "timestamp is a string");
        long timestamp = Long.parseLong(request.json().get("timestamp").asText());
        assertTrue(timestamp >= before - 1 && timestamp <= System.currentTimeMillis() / 1000 + 1,
                "timestamp in epoch seconds: " + timestamp);
        assertEquals("{\"code\":0,\"msg\":\"success\",\"data\":{}}", request.answer());
    }

    @Test
    void postHasTheTitleAParagraphPerLineAndTheLinkLast() throws Exception {
        RobotPeer bot = bot(null);
        assertDoesNotFail(() -> sender.send(channel(bot, null), RobotMessages.reminder(2)));
        JsonNode json = bot.received().get(0).json();
        assertFalse(json.has("sign") || json.has("timestamp"), "unsigned without a secret");
        assertEquals("post", json.path("msg_type").asText());
        JsonNode zhCn = json.path("content").path("post").path("zh_cn");
        assertEquals(RobotMessages.TITLE, zhCn.path("title").asText());
        JsonNode expected = new ObjectMapper().readTree("""
                [[{"tag":"text","text":"完成时限：11月21日"}],
                 [{"tag":"text","text":"逾期天数：2 天"}],
                 [{"tag":"text","text":"牵头单位：甲区工业和信息化局"}],
                 [{"tag":"a","text":"办理入口","href":"http://localhost:8080/tasks/7"}]]""");
        assertEquals(expected, zhCn.path("content"));
    }

    @Test
    void wrongSecretIsPermanentAndSaysToCheckTheBotsSecret() {
        RobotPeer bot = bot(SECRET);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(bot, "another-secret"), RobotMessages.reminder(3)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertTrue(failure.getMessage().startsWith("飞书机器人签名不匹配，请检查机器人密钥"), failure.getMessage());
        assertTrue(failure.getMessage().contains("（错误码 19021：sign match fail"), failure.getMessage());
        assertFalse(bot.received().get(0).signatureValid());
    }

    @Test
    void ipWhitelistAndKeywordRefusalsAreEachNamed() {
        RobotPeer bot = bot(null).answering(call -> call == 1
                ? "{\"code\":19022,\"msg\":\"Ip Not Allowed\",\"data\":{}}"
                : "{\"code\":19024,\"msg\":\"Key Words Not Found\",\"data\":{}}");
        DeliveryFailure ip = assertThrows(DeliveryFailure.class, () -> sender.send(channel(bot, null), RobotMessages.reminder(4)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, ip.outcome());
        assertTrue(ip.getMessage().startsWith("本服务的出口 IP 不在飞书机器人的 IP 白名单中"), ip.getMessage());
        DeliveryFailure keyword = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(bot, null), RobotMessages.reminder(4)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, keyword.outcome());
        assertTrue(keyword.getMessage().startsWith("消息中没有飞书机器人安全设置里的自定义关键词"), keyword.getMessage());
    }

    @Test
    void bothRateLimitCodesWaitFeishusOneMinuteWindow() {
        for (String reply : List.of("{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]\"}",
                "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}")) {
            RobotPeer bot = bot(SECRET).answering(call -> reply);
            DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                    () -> sender.send(channel(bot, SECRET), RobotMessages.reminder(5)));
            assertEquals(DeliveryFailure.Outcome.RETRY_AFTER, failure.outcome(), reply);
            assertEquals(Duration.ofSeconds(60), failure.retryAfter(), reply);
        }
    }

    @Test
    void otherErrorCodeInA200ReplyIsRetriedNotDelivered() {
        RobotPeer bot = bot(null).answering(call -> "{\"code\":19001,\"msg\":\"param invalid: incoming webhook access token invalid\"}");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(bot, null), RobotMessages.reminder(6)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertTrue(failure.getMessage().startsWith("飞书机器人返回错误（错误码 19001："), failure.getMessage());
    }

    @Test
    void longChineseDigestIsSplitUnder20KilobytesPerRequestInOrder() {
        RobotPeer bot = bot(SECRET);
        int items = 150;
        assertDoesNotFail(() -> sender.send(channel(bot, SECRET), RobotMessages.digest(digests, 7, items)));
        List<RobotPeer.Received> parts = bot.received();
        assertTrue(parts.size() >= 2, "parts: " + parts.size());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RobotPeer.Received part = parts.get(i);
            assertTrue(part.validUtf8(), "part " + (i + 1) + " is valid UTF-8");
            assertTrue(part.signatureValid(), "part " + (i + 1) + " is signed");
            assertTrue(part.body().getBytes(StandardCharsets.UTF_8).length <= FeishuSender.BODY_LIMIT, "part " + (i + 1));
            JsonNode zhCn = part.json().path("content").path("post").path("zh_cn");
            assertTrue(zhCn.path("title").asText().endsWith("（" + (i + 1) + "/" + parts.size() + "）"),
                    zhCn.path("title").asText());
            StringBuilder text = new StringBuilder();
            zhCn.path("content").forEach(paragraph -> {
                paragraph.forEach(element -> text.append(element.path("text").asText()));
                text.append('\n');
            });
            numbers.addAll(RobotMessages.itemNumbers(text.toString()));
            assertEquals("{\"code\":0,\"msg\":\"success\",\"data\":{}}", part.answer(), "part " + (i + 1));
        }
        assertEquals(RobotMessages.oneTo(items), numbers);
    }

    private RobotPeer bot(String secret) {
        RobotPeer bot = new RobotPeer(ChannelType.FEISHU, secret);
        peers.add(bot);
        return bot;
    }

    private static ContactChannel channel(RobotPeer bot, String secret) {
        return new ContactChannel(ChannelType.FEISHU, bot.url(), secret);
    }
}
