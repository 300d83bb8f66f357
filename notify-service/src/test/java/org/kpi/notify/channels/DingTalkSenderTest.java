package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DingTalk custom robot sender against a loopback robot that checks 加签 as DingTalk documents
 * it and answers with DingTalk's error codes.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class DingTalkSenderTest {

    private static final String SECRET = "SEC0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccddeeff00112233445566778899";

    @Inject
    DingTalkSender sender;

    @Inject
    DigestRenderer digests;

    private final List<RobotPeer> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        peers.forEach(RobotPeer::close);
    }

    @Test
    void signedMarkdownIsAcceptedByARobotThatChecksTheSignature() throws Exception {
        RobotPeer robot = robot(SECRET);
        long before = System.currentTimeMillis();
        sender.send(channel(robot, SECRET), RobotMessages.reminder(1));
        RobotPeer.Received request = only(robot);
        assertTrue(request.signatureValid(), "signature as DingTalk computes it");
        assertEquals("/robot/send", request.path());
        assertEquals("test-token-0123456789", request.query().get("access_token"));
        long timestamp = Long.parseLong(request.query().get("timestamp"));
        assertTrue(timestamp >= before - 1000 && timestamp <= System.currentTimeMillis() + 1000,
                "timestamp in epoch milliseconds: " + timestamp);
        assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", request.answer());
    }

    @Test
    void markdownHasTheTitleAsHeadingTheLinesAndTheLinkOnce() {
        RobotPeer robot = robot(null);
        assertDoesNotFail(() -> sender.send(channel(robot, null), RobotMessages.reminder(2)));
        JsonNode json = only(robot).json();
        assertEquals("markdown", json.path("msgtype").asText());
        assertEquals(RobotMessages.TITLE, json.path("markdown").path("title").asText());
        assertEquals("#### " + RobotMessages.TITLE + "\n\n完成时限：11月21日\n\n逾期天数：2 天\n\n牵头单位：甲区工业和信息化局\n\n"
                + "[办理入口](" + RobotMessages.LINK + ")", json.path("markdown").path("text").asText());
    }

    @Test
    void unsignedWhenTheRobotHasNoSecret() {
        RobotPeer robot = robot(null);
        assertDoesNotFail(() -> sender.send(channel(robot, null), RobotMessages.reminder(3)));
        RobotPeer.Received request = only(robot);
        assertNull(request.query().get("sign"));
        assertNull(request.query().get("timestamp"));
        assertTrue(request.signatureValid());
    }

    @Test
    void wrongSecretIsPermanentAndSaysToCheckTheRobotsSecret() {
        RobotPeer robot = robot(SECRET);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot, "SECwrong"), RobotMessages.reminder(4)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertTrue(failure.getMessage().startsWith("钉钉机器人签名不匹配，请检查机器人密钥"), failure.getMessage());
        assertTrue(failure.getMessage().contains("（错误码 310000：sign not match"), failure.getMessage());
        assertFalse(only(robot).signatureValid());
    }

    @Test
    void keywordWhitelistAndUnknownTokenAreEachNamed() {
        RobotPeer robot = robot(null);
        List<String> replies = List.of(
                "{\"errcode\":310000,\"errmsg\":\"keywords not in content, more: [https://ding-doc.dingtalk.com]\"}",
                "{\"errcode\":310000,\"errmsg\":\"ip 203.0.113.9 not in whitelist, more: [https://ding-doc.dingtalk.com]\"}",
                "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
        robot.answering(call -> replies.get(call - 1));
        List<String> says = List.of("消息中没有钉钉机器人安全设置里的自定义关键词", "本服务的出口 IP 不在钉钉机器人的 IP 白名单中",
                "钉钉机器人地址中的 access_token 无效");
        for (int i = 0; i < replies.size(); i++) {
            DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                    () -> sender.send(channel(robot, null), RobotMessages.reminder(5)));
            assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome(), failure.getMessage());
            assertTrue(failure.getMessage().startsWith(says.get(i)), failure.getMessage());
        }
    }

    @Test
    void sendingTooFastWaitsTheTenMinutesDingTalkBlocksTheRobot() {
        RobotPeer robot = robot(SECRET).answering(call ->
                "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot, SECRET), RobotMessages.reminder(6)));
        assertEquals(DeliveryFailure.Outcome.RETRY_AFTER, failure.outcome());
        assertEquals(Duration.ofMinutes(10), failure.retryAfter());
        assertTrue(failure.getMessage().contains("限流"), failure.getMessage());
    }

    @Test
    void otherErrorCodeInA200ReplyIsRetriedNotDelivered() {
        RobotPeer robot = robot(null).answering(call -> "{\"errcode\":400013,\"errmsg\":\"群已被解散\"}");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot, null), RobotMessages.reminder(7)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertEquals("钉钉机器人返回错误（错误码 400013：群已被解散），稍后重试", failure.getMessage());
    }

    @Test
    void unreadableReplyIsRetried() {
        RobotPeer robot = robot(null).answering(call -> "<html>502 Bad Gateway</html>");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot, null), RobotMessages.reminder(8)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertTrue(failure.getMessage().startsWith("钉钉机器人的应答无法识别"), failure.getMessage());
    }

    @Test
    void longChineseDigestIsSplitIntoNumberedPartsUnderTheLimitInOrder() {
        RobotPeer robot = robot(SECRET);
        int items = 150;
        assertDoesNotFail(() -> sender.send(channel(robot, SECRET), RobotMessages.digest(digests, 9, items)));
        List<RobotPeer.Received> parts = robot.received();
        assertTrue(parts.size() >= 2, "parts: " + parts.size());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RobotPeer.Received part = parts.get(i);
            assertTrue(part.validUtf8(), "part " + (i + 1) + " is valid UTF-8");
            assertTrue(part.signatureValid(), "part " + (i + 1) + " is signed");
            String text = part.json().path("markdown").path("text").asText();
            assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= DingTalkSender.TEXT_LIMIT, "part " + (i + 1));
            String suffix = "（" + (i + 1) + "/" + parts.size() + "）";
            assertTrue(part.json().path("markdown").path("title").asText().endsWith(suffix),
                    part.json().path("markdown").path("title").asText());
            assertTrue(text.startsWith("#### 【每日汇总】") && text.contains(suffix + "\n\n"), text.substring(0, 60));
            numbers.addAll(RobotMessages.itemNumbers(text));
            assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", part.answer());
        }
        assertEquals(RobotMessages.oneTo(items), numbers);
    }

    private RobotPeer robot(String secret) {
        RobotPeer robot = new RobotPeer(ChannelType.DINGTALK, secret);
        peers.add(robot);
        return robot;
    }

    private static ContactChannel channel(RobotPeer robot, String secret) {
        return new ContactChannel(ChannelType.DINGTALK, robot.url(), secret);
    }

    private static RobotPeer.Received only(RobotPeer robot) {
        assertEquals(1, robot.calls(), "requests received");
        return robot.received().get(0);
    }

    /** Runs a send that must succeed, failing the test with the delivery's own message otherwise. */
    static void assertDoesNotFail(Send send) {
        try {
            send.run();
        } catch (DeliveryFailure failure) {
            throw new AssertionError("send failed: " + failure.outcome() + " " + failure.getMessage(), failure);
        }
    }

    /** A send that may fail. */
    @FunctionalInterface
    interface Send {
        void run() throws DeliveryFailure;
    }
}
