package org.kpi.notify.contacts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.RobotPeer;
import org.kpi.notify.WebhookPeer;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/contacts/{orgUnitCode}/test}: a test message to every channel of a unit
 * through loopback peers, each channel's result, who may test, and the audit entry.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ContactTestSendTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DINGTALK_SECRET = "SECa1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String FEISHU_SECRET = "feishu-secret-甲";

    @Inject
    OrgFixture orgs;

    private final List<AutoCloseable> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void everyChannelGetsTheTestMessageAndEachResultIsReported() {
        OrgFixture.Tree tree = orgs.tree();
        WebhookPeer webhook = peer(new WebhookPeer("hook-secret"));
        RobotPeer dingtalk = peer(new RobotPeer(ChannelType.DINGTALK, DINGTALK_SECRET));
        RobotPeer wecom = peer(new RobotPeer(ChannelType.WECOM, null));
        RobotPeer feishu = peer(new RobotPeer(ChannelType.FEISHU, FEISHU_SECRET));
        put(tree.a1(), """
                {"channels": [
                  {"type": "WEBHOOK", "address": "%s", "secret": "hook-secret"},
                  {"type": "DINGTALK", "address": "%s", "secret": "%s"},
                  {"type": "WECOM", "address": "%s"},
                  {"type": "FEISHU", "address": "%s", "secret": "not-the-bots-secret"}
                ]}""".formatted(webhook.url(), dingtalk.url(), DINGTALK_SECRET, wecom.url(), feishu.url()));

        test("department", tree.a1(), tree.a1()).statusCode(200)
                .body("results.type", equalTo(List.of("INBOX", "WEBHOOK", "DINGTALK", "WECOM", "FEISHU")))
                .body("results.address", equalTo(List.of("", webhook.url(), dingtalk.url(), wecom.url(), feishu.url())))
                .body("results.result", equalTo(List.of("SENT", "SENT", "SENT", "SENT", "FAILED")))
                .body("results[0].error", nullValue())
                .body("results[2].error", nullValue())
                .body("results[4].error", startsWith("飞书机器人签名不匹配，请检查机器人密钥"));

        assertEquals(1, webhook.received().size());
        assertTrue(webhook.received().get(0).signatureValid(), "the webhook's signature checks");
        assertTrue(webhook.received().get(0).body().contains("【测试】督考平台提醒测试消息"), webhook.received().get(0).body());
        String markdown = dingtalk.received().get(0).json().path("markdown").path("text").asText();
        assertTrue(dingtalk.received().get(0).signatureValid(), "the DingTalk robot's signature checks");
        assertTrue(markdown.startsWith("#### 【测试】督考平台提醒测试消息\n\n这是发给甲区发展和改革局的测试消息，发送时间："), markdown);
        assertTrue(wecom.received().get(0).json().path("markdown").path("content").asText().contains("甲区发展和改革局"));
        assertEquals(1, feishu.calls(), "the bot was called and refused the signature");
        assertTrue(!feishu.received().get(0).signatureValid());
    }

    @Test
    void unitWithOnlyItsInboxGetsOneSentResult() {
        OrgFixture.Tree tree = orgs.tree();
        test("supervisor", tree.districtA(), tree.a2()).statusCode(200)
                .body("results.size()", equalTo(1))
                .body("results[0].type", equalTo("INBOX"))
                .body("results[0].result", equalTo("SENT"));
    }

    @Test
    void departmentCannotTestAnotherUnitsContacts() {
        OrgFixture.Tree tree = orgs.tree();
        RobotPeer wecom = peer(new RobotPeer(ChannelType.WECOM, null));
        put(tree.a1(), "{\"channels\": [{\"type\": \"WECOM\", \"address\": \"" + wecom.url() + "\"}]}");
        for (String other : Arrays.asList(tree.a2(), tree.b1())) {
            test("department", other, tree.a1()).statusCode(404).contentType(PROBLEM);
        }
        test("supervisor", tree.districtB(), tree.a1()).statusCode(404).contentType(PROBLEM);
        assertEquals(0, wecom.calls(), "nothing was sent");
    }

    @Test
    void leaderCoveringTheUnitIsForbiddenAndSupervisorCoveringItMayTest() {
        OrgFixture.Tree tree = orgs.tree();
        RobotPeer wecom = peer(new RobotPeer(ChannelType.WECOM, null));
        put(tree.a3(), "{\"channels\": [{\"type\": \"WECOM\", \"address\": \"" + wecom.url() + "\"}]}");
        test("leader", tree.districtA(), tree.a3()).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("联系方式"));
        TestTokens.as("service", "SYSTEM").post("/api/v1/contacts/" + tree.a3() + "/test").then().statusCode(403);
        assertEquals(0, wecom.calls(), "nothing was sent on a refused test");
        test("supervisor", tree.districtA(), tree.a3()).statusCode(200).body("results[1].result", equalTo("SENT"));
        test("admin", tree.city(), tree.a3()).statusCode(200).body("results[1].result", equalTo("SENT"));
        assertEquals(2, wecom.calls());
    }

    @Test
    void unknownUnitIsNotFound() {
        TestTokens.as("admin", "ANY").post("/api/v1/contacts/NO-SUCH-UNIT/test").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void everyTestIsAuditedWithItsResults() {
        OrgFixture.Tree tree = orgs.tree();
        RobotPeer dingtalk = peer(new RobotPeer(ChannelType.DINGTALK, null)
                .answering(call -> "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}"));
        put(tree.b1(), "{\"channels\": [{\"type\": \"DINGTALK\", \"address\": \"" + dingtalk.url() + "\"}]}");
        test("department", tree.b1(), tree.b1()).statusCode(200)
                .body("results[1].result", equalTo("FAILED"))
                .body("results[1].error", containsString("限流"));
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/audit?entity=contacts&id=" + tree.b1()).then()
                .statusCode(200)
                .body("items[0].action", equalTo("test"))
                .body("items[0].actor", equalTo("department@" + tree.b1()))
                .body("items[0].after.results.type", equalTo(List.of("INBOX", "DINGTALK")))
                .body("items[0].after.results[1].result", equalTo("FAILED"));
    }

    @Test
    void robotThatSaidTooFastIsLeftAloneByTheNextTest() {
        OrgFixture.Tree tree = orgs.tree();
        RobotPeer wecom = peer(new RobotPeer(ChannelType.WECOM, null)
                .answering(call -> "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        put(tree.a2(), "{\"channels\": [{\"type\": \"WECOM\", \"address\": \"" + wecom.url() + "\"}]}");
        test("department", tree.a2(), tree.a2()).statusCode(200)
                .body("results[1].result", equalTo("FAILED"))
                .body("results[1].error", startsWith("企业微信机器人发送过快被限流"));
        test("department", tree.a2(), tree.a2()).statusCode(200)
                .body("results[1].result", equalTo("FAILED"))
                .body("results[1].error", startsWith("这个机器人的发送额度暂时用完"));
        assertEquals(1, wecom.calls(), "the blocked robot was not called again");
    }

    private <T extends AutoCloseable> T peer(T peer) {
        peers.add(peer);
        return peer;
    }

    private static void put(String unit, String body) {
        TestTokens.as("department", unit).body(body).put("/api/v1/contacts/" + unit).then().statusCode(200);
    }

    private static ValidatableResponse test(String role, String org, String unit) {
        return TestTokens.as(role, org).post("/api/v1/contacts/" + unit + "/test").then();
    }
}
