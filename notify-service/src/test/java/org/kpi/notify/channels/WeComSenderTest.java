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
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.messages.DigestRenderer;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kpi.notify.channels.DingTalkSenderTest.assertDoesNotFail;

/** The WeCom group robot sender against a loopback robot that answers with WeCom's error codes. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class WeComSenderTest {

    @Inject
    WeComSender sender;

    @Inject
    DigestRenderer digests;

    private final List<RobotPeer> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        peers.forEach(RobotPeer::close);
    }

    @Test
    void markdownContentHasTheColouredTitleTheLinesAndTheLinkOnce() {
        RobotPeer robot = robot();
        assertDoesNotFail(() -> sender.send(channel(robot.url()), RobotMessages.reminder(1)));
        assertEquals(1, robot.calls());
        RobotPeer.Received request = robot.received().get(0);
        assertEquals("/cgi-bin/webhook/send", request.path());
        JsonNode json = request.json();
        assertEquals("markdown", json.path("msgtype").asText());
        assertEquals(List.of("content"), fieldNames(json.path("markdown")));
        assertEquals("### <font color=\"warning\">【催办】</font>重点任务“甲区工业技改项目”已逾期 2 天\n完成时限：11月21日\n"
                + "逾期天数：2 天\n牵头单位：甲区工业和信息化局\n[办理入口](" + RobotMessages.LINK + ")",
                json.path("markdown").path("content").asText());
        assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", request.answer());
    }

    @Test
    void invalidWebhookKeyIsPermanentAndSaysToUpdateTheAddress() {
        RobotPeer robot = robot();
        // the robot's address without its key: WeCom answers 93000
        String withoutKey = robot.url().substring(0, robot.url().indexOf('?'));
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(withoutKey), RobotMessages.reminder(2)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertTrue(failure.getMessage().startsWith("企业微信机器人地址无效（key 不对，或机器人已被移出群聊），请在联系方式中更新机器人地址"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("（错误码 93000：invalid webhook url"), failure.getMessage());
    }

    @Test
    void rateLimitedReplyWaitsWeComsOneMinuteWindow() {
        RobotPeer robot = robot().answering(call -> "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot.url()), RobotMessages.reminder(3)));
        assertEquals(DeliveryFailure.Outcome.RETRY_AFTER, failure.outcome());
        assertEquals(Duration.ofSeconds(60), failure.retryAfter());
    }

    @Test
    void otherErrorCodeInA200ReplyIsRetriedNotDelivered() {
        RobotPeer robot = robot().answering(call -> "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot.url()), RobotMessages.reminder(4)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertEquals("企业微信机器人返回错误（错误码 -1：system busy），稍后重试", failure.getMessage());
    }

    @Test
    void longChineseDigestIsSplitUnder4096BytesPerPartInOrder() {
        RobotPeer robot = robot();
        int items = 40;
        OutboundMessage digest = RobotMessages.digest(digests, 5, items);
        assertDoesNotFail(() -> sender.send(channel(robot.url()), digest));
        List<RobotPeer.Received> parts = robot.received();
        assertTrue(parts.size() >= 2, "parts: " + parts.size());
        assertEquals(parts.size(), sender.posts(digest), "the throttle is told every post the message takes");
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RobotPeer.Received part = parts.get(i);
            assertTrue(part.validUtf8(), "part " + (i + 1) + " is valid UTF-8");
            String content = part.json().path("markdown").path("content").asText();
            assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= WeComSender.CONTENT_LIMIT, "part " + (i + 1));
            String firstLine = content.substring(0, content.indexOf('\n'));
            assertTrue(firstLine.endsWith("（" + (i + 1) + "/" + parts.size() + "）"), firstLine);
            numbers.addAll(RobotMessages.itemNumbers(content));
            assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", part.answer(), "part " + (i + 1));
        }
        assertEquals(RobotMessages.oneTo(items), numbers);
    }

    @Test
    void laterPartFailingFailsTheSendAfterTheEarlierPartsWentOut() {
        // robots take no idempotency key: the retry will post part 1 again, as documented
        RobotPeer robot = robot().answering(call -> call == 2 ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}" : null);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel(robot.url()), RobotMessages.digest(digests, 6, 40)));
        assertEquals(DeliveryFailure.Outcome.RETRY_AFTER, failure.outcome());
        assertEquals(2, robot.calls(), "no part after the failed one is posted");
    }

    private RobotPeer robot() {
        RobotPeer robot = new RobotPeer(ChannelType.WECOM, null);
        peers.add(robot);
        return robot;
    }

    private static ContactChannel channel(String url) {
        return new ContactChannel(ChannelType.WECOM, url, null);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
