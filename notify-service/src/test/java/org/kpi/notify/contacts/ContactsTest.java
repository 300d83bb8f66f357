package org.kpi.notify.contacts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Contacts of org units over HTTP: who reads and writes them, how secrets stay write-only, the
 * optional version check, the rules a channel follows, and what the delivery engine gets.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ContactsTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    OrgFixture orgs;

    @Inject
    ContactsService contacts;

    @Test
    void unitNeverWrittenHasItsInboxAtVersionZero() {
        OrgFixture.Tree tree = orgs.tree();
        TestTokens.as("department", tree.a1()).get("/api/v1/contacts/" + tree.a1()).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("orgUnitCode", equalTo(tree.a1()))
                .body("channels.size()", equalTo(1))
                .body("channels[0].type", equalTo("INBOX"))
                .body("channels[0].address", equalTo(""))
                .body("channels[0].secretSet", equalTo(false))
                .body("version", equalTo(0))
                .body("updatedAt", nullValue())
                .body("updatedBy", nullValue());
    }

    @Test
    void departmentWritesItsOwnContactsAndTheSecretIsNeverShown() {
        OrgFixture.Tree tree = orgs.tree();
        String body = """
                {"channels": [
                  {"type": "EMAIL", "address": "fgj@example.gov.cn"},
                  {"type": "WEBHOOK", "address": "https://hooks.example.gov.cn/kpi?x=1", "secret": "s3cr3t-值"}
                ]}""";
        String written = TestTokens.as("department", tree.a1()).body(body).put("/api/v1/contacts/" + tree.a1()).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("department@" + tree.a1()))
                .body("channels.type", equalTo(List.of("INBOX", "EMAIL", "WEBHOOK")))
                .body("channels.address", equalTo(List.of("", "fgj@example.gov.cn", "https://hooks.example.gov.cn/kpi?x=1")))
                .body("channels.secretSet", equalTo(List.of(false, false, true)))
                .extract().asString();
        assertEquals(-1, written.indexOf("s3cr3t"), written);
        String read = TestTokens.as("department", tree.a1()).get("/api/v1/contacts/" + tree.a1()).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("channels.secretSet", equalTo(List.of(false, false, true)))
                .extract().asString();
        assertEquals(-1, read.indexOf("s3cr3t"), read);
    }

    @Test
    void secretLeftOutIsKeptAndEmptySecretClearsIt() {
        OrgFixture.Tree tree = orgs.tree();
        String url = "https://hooks.example.gov.cn/a1";
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url
                + "\", \"secret\": \"first\"}]}").statusCode(200);
        // absent, then null: kept
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url + "\"}]}")
                .statusCode(200).body("channels[1].secretSet", equalTo(true));
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url
                + "\", \"secret\": null}]}").statusCode(200).body("channels[1].secretSet", equalTo(true));
        assertEquals(Optional.of(new ContactChannel(ChannelType.WEBHOOK, url, "first")),
                contacts.find(tree.a1(), ChannelType.WEBHOOK, url));
        // another address does not inherit it
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url
                + "/other\"}]}").statusCode(200).body("channels[1].secretSet", equalTo(false));
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url
                + "\", \"secret\": \"second\"}]}").statusCode(200).body("channels[1].secretSet", equalTo(true));
        put("admin", tree.city(), tree.a1(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"" + url
                + "\", \"secret\": \"\"}]}").statusCode(200).body("channels[1].secretSet", equalTo(false));
        assertEquals(Optional.of(new ContactChannel(ChannelType.WEBHOOK, url, null)),
                contacts.find(tree.a1(), ChannelType.WEBHOOK, url));
    }

    @Test
    void staleVersionIsAConflictAndAWriteWithoutOneApplies() {
        OrgFixture.Tree tree = orgs.tree();
        String email = "{\"channels\": [{\"type\": \"EMAIL\", \"address\": \"a@example.gov.cn\"}]}";
        TestTokens.as("department", tree.a2()).header("If-Match", "\"0\"").body(email)
                .put("/api/v1/contacts/" + tree.a2()).then().statusCode(200).header("ETag", "\"1\"");
        // a second writer that read version 0 does not overwrite the first
        TestTokens.as("department", tree.a2()).header("If-Match", "\"0\"").body(email)
                .put("/api/v1/contacts/" + tree.a2()).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("已被他人修改"));
        TestTokens.as("department", tree.a2())
                .body("{\"channels\": [], \"version\": 0}")
                .put("/api/v1/contacts/" + tree.a2()).then().statusCode(409).contentType(PROBLEM);
        TestTokens.as("department", tree.a2()).body("{\"channels\": [], \"version\": 1}")
                .put("/api/v1/contacts/" + tree.a2()).then().statusCode(200).body("version", equalTo(2))
                .body("channels.type", equalTo(List.of("INBOX")));
        // no If-Match and no version: the write applies
        TestTokens.as("department", tree.a2()).body(email)
                .put("/api/v1/contacts/" + tree.a2()).then().statusCode(200).body("version", equalTo(3))
                .body("channels[1].address", equalTo("a@example.gov.cn"));
    }

    @Test
    void twoWritesAtOnceFromTheSameVersionLeaveOneWinnerAndOneConflict() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds, so that the two requests really overlap: on units never written
            // (version 0) and on units written once (version 1)
            List<String> units = List.of(tree.a1(), tree.a2(), tree.a3(), tree.b1(), tree.districtA(), tree.districtB());
            for (int round = 0; round < 2 * units.size(); round++) {
                String unit = units.get(round % units.size());
                long version = round / units.size();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (String address : List.of("first@example.gov.cn", "second@example.gov.cn")) {
                    statuses.add(pool.submit(() -> {
                        together.await();
                        return TestTokens.as("admin", tree.city()).header("If-Match", "\"" + version + "\"")
                                .body("{\"channels\": [{\"type\": \"EMAIL\", \"address\": \"" + address + "\"}]}")
                                .put("/api/v1/contacts/" + unit).then().extract().statusCode();
                    }));
                }
                List<Integer> answered = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    answered.add(status.get(30, TimeUnit.SECONDS));
                }
                answered.sort(null);
                assertEquals(List.of(200, 409), answered, unit);
                TestTokens.as("admin", tree.city()).get("/api/v1/contacts/" + unit).then().statusCode(200)
                        .body("version", equalTo((int) version + 1)).body("channels.size()", equalTo(2));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void departmentCannotReadOrWriteAnotherUnitsContacts() {
        OrgFixture.Tree tree = orgs.tree();
        String body = "{\"channels\": []}";
        for (String other : List.of(tree.a2(), tree.b1())) {
            TestTokens.as("department", other).get("/api/v1/contacts/" + tree.a1()).then()
                    .statusCode(404).contentType(PROBLEM);
            put("department", other, tree.a1(), body).statusCode(404).contentType(PROBLEM);
        }
        // a department cannot read its district's contacts either
        TestTokens.as("department", tree.a1()).get("/api/v1/contacts/" + tree.districtA()).then().statusCode(404);
    }

    @Test
    void supervisorsActWithinTheirSubtreeAndLeadersOnlyOnTheirOwnUnit() {
        OrgFixture.Tree tree = orgs.tree();
        String body = "{\"channels\": [{\"type\": \"EMAIL\", \"address\": \"duchashi@example.gov.cn\"}]}";
        put("supervisor", tree.districtA(), tree.a1(), body).statusCode(200);
        put("supervisor", tree.city(), tree.a1(), body).statusCode(200);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/contacts/" + tree.a1()).then().statusCode(200)
                .body("channels[1].address", equalTo("duchashi@example.gov.cn"));
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/contacts/" + tree.a1()).then().statusCode(404);
        put("supervisor", tree.districtB(), tree.a1(), body).statusCode(404);
        // a district leader sees the department but does not keep its contacts; its own unit's it does
        TestTokens.as("leader", tree.districtA()).get("/api/v1/contacts/" + tree.a1()).then().statusCode(403)
                .contentType(PROBLEM);
        put("leader", tree.districtA(), tree.a1(), body).statusCode(403);
        put("leader", tree.districtA(), tree.districtA(), body).statusCode(200);
        TestTokens.as("admin", "ANY").get("/api/v1/contacts/" + tree.a1()).then().statusCode(200);
        // services read channels through the engine, not the API
        TestTokens.as("service", "SYSTEM").get("/api/v1/contacts/" + tree.a1()).then().statusCode(403);
    }

    @Test
    void unknownOrgUnitIsNotFound() {
        TestTokens.as("admin", "ANY").get("/api/v1/contacts/NO-SUCH-UNIT").then().statusCode(404).contentType(PROBLEM);
        put("admin", "ANY", "NO-SUCH-UNIT", "{\"channels\": []}").statusCode(404);
        // a token naming a unit the tree does not (yet) hold gets no contacts for it
        TestTokens.as("department", "NO-SUCH-UNIT").get("/api/v1/contacts/NO-SUCH-UNIT").then().statusCode(404);
    }

    @Test
    void badChannelsAreRefusedNamingTheField() {
        OrgFixture.Tree tree = orgs.tree();
        String a1 = tree.a1();
        refused(a1, "[{\"type\": \"EMAIL\", \"address\": \"ok@example.gov.cn\"}, {\"type\": \"EMAIL\", \"address\": \"not-an-address\"}]",
                "channels[1].address", "邮箱");
        refused(a1, "[{\"type\": \"EMAIL\", \"address\": \"" + "a".repeat(60) + "@" + (("b".repeat(62) + ".").repeat(4))
                + "cn\"}]", "channels[0].address", "254");
        refused(a1, "[{\"type\": \"EMAIL\"}]", "channels[0].address", "邮箱地址");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"ftp://hooks.example.gov.cn/x\"}]", "channels[0].address", "http");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"/relative/path\"}]", "channels[0].address", "http");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"https://user:pw@hooks.example.gov.cn/x\"}]",
                "channels[0].address", "用户名或密码");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"https://hooks.example.gov.cn/" + "x".repeat(2000) + "\"}]",
                "channels[0].address", "2000");
        refused(a1, "[{\"type\": \"INBOX\", \"address\": \"someone@example.gov.cn\"}]", "channels[0].address", "留空");
        refused(a1, "[{\"type\": \"EMAIL\", \"address\": \"x@example.gov.cn\", \"secret\": \"k\"}]", "channels[0].secret", "WEBHOOK");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"https://hooks.example.gov.cn/x\", \"secret\": \"" + "k".repeat(257)
                + "\"}]", "channels[0].secret", "256");
        refused(a1, "[{\"type\": \"EMAIL\", \"address\": \"x@example.gov.cn\"}, {\"type\": \"EMAIL\", \"address\": \"y@example.gov.cn\"},"
                + " {\"type\": \"EMAIL\", \"address\": \"x@example.gov.cn\"}]", "channels[2]", "重复");
        refused(a1, "[{\"type\": \"EMAIL\", \"address\": \"x@example.gov.cn\\nBcc: z@example.gov.cn\"}]", "channels[0].address", "换行");
        refused(a1, "[{\"type\": \"WEBHOOK\", \"address\": \"https://hooks.example.gov.cn/x\", \"secret\": \"a\\u202Eb\"}]",
                "channels[0].secret", "双向");
        refused(a1, "[{\"address\": \"x@example.gov.cn\"}]", "channels[0].type", "INBOX, EMAIL, WEBHOOK");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\": \"EMAIL\", \"address\": \"u").append(i).append("@example.gov.cn\"}");
        }
        refused(a1, many.append("]").toString(), "channels", "20");
        // nothing was stored by any of them
        TestTokens.as("department", a1).get("/api/v1/contacts/" + a1).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void webhookAimedAtAProtectedIpIsRefusedWhenWritten() {
        OrgFixture.Tree tree = orgs.tree();
        refused(tree.a1(), "[{\"type\": \"WEBHOOK\", \"address\": \"http://169.254.169.254/latest/meta-data\"}]",
                "channels[0].address", "元数据");
        refused(tree.a1(), "[{\"type\": \"WEBHOOK\", \"address\": \"http://100.100.100.200/latest\"}]",
                "channels[0].address", "不允许的目标地址");
        refused(tree.a1(), "[{\"type\": \"WEBHOOK\", \"address\": \"http://[fd00:ec2::254]/latest\"}]",
                "channels[0].address", "不允许的目标地址");
        refused(tree.a1(), "[{\"type\": \"WEBHOOK\", \"address\": \"http://10.1.2.3:8080/hook\"}]",
                "channels[0].address", "内网地址");
        // loopback is allowed by the test profile (as by ./kpi up)
        put("department", tree.a1(), tree.a1(),
                "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": \"http://127.0.0.1:9/hook\"}]}").statusCode(200);
    }

    @Test
    void everyWriteIsAuditedWithSecretsOnlyAsSecretSet() {
        OrgFixture.Tree tree = orgs.tree();
        put("department", tree.a3(), tree.a3(), "{\"channels\": [{\"type\": \"WEBHOOK\", \"address\": "
                + "\"https://hooks.example.gov.cn/a3\", \"secret\": \"hidden-secret\"}]}").statusCode(200);
        put("department", tree.a3(), tree.a3(), "{\"channels\": [{\"type\": \"EMAIL\", \"address\": \"a3@example.gov.cn\"}]}")
                .statusCode(200);
        String audit = TestTokens.as("supervisor", tree.districtA())
                .get("/api/v1/audit?entity=contacts&id=" + tree.a3()).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("replace"))
                .body("items[0].actor", equalTo("department@" + tree.a3()))
                .body("items[0].before.channels[1].type", equalTo("WEBHOOK"))
                .body("items[0].before.channels[1].secretSet", equalTo(true))
                .body("items[0].after.channels[1].address", equalTo("a3@example.gov.cn"))
                .body("items[1].before.version", equalTo(0))
                .body("items[1].after.channels.secretSet", hasItem(true))
                .extract().asString();
        assertThat(audit, not(containsString("hidden-secret")));
        // a department of another district does not read it
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/audit?entity=contacts&id=" + tree.a3()).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void deliveryEngineGetsTheInboxFirstThenStoredChannelsWithSecrets() {
        OrgFixture.Tree tree = orgs.tree();
        assertEquals(List.of(ContactChannel.INBOX), contacts.channelsOf(tree.b1()));
        put("department", tree.b1(), tree.b1(), """
                {"channels": [
                  {"type": "WEBHOOK", "address": "https://hooks.example.gov.cn/b1", "secret": "k1"},
                  {"type": "INBOX"},
                  {"type": "EMAIL", "address": "b1@example.gov.cn"}
                ]}""").statusCode(200).body("channels.type", equalTo(List.of("INBOX", "WEBHOOK", "EMAIL")));
        assertEquals(List.of(ContactChannel.INBOX,
                        new ContactChannel(ChannelType.WEBHOOK, "https://hooks.example.gov.cn/b1", "k1"),
                        new ContactChannel(ChannelType.EMAIL, "b1@example.gov.cn", null)),
                contacts.channelsOf(tree.b1()));
        assertEquals(Optional.of(ContactChannel.INBOX), contacts.find(tree.b1(), ChannelType.INBOX, ""));
        assertEquals(Optional.empty(), contacts.find(tree.b1(), ChannelType.EMAIL, "gone@example.gov.cn"));
    }

    private static ValidatableResponse put(String role, String org, String code, String body) {
        return TestTokens.as(role, org).body(body).put("/api/v1/contacts/" + code).then();
    }

    private static void refused(String unit, String channels, String field, String says) {
        put("department", unit, unit, "{\"channels\": " + channels + "}")
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(says));
    }
}
