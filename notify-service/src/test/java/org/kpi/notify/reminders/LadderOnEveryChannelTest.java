package org.kpi.notify.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.channels.GreenMailResource;
import org.kpi.notify.channels.InjectMailPeer;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default ladder walked from T−3 to T+7 through the public API, every unit reachable by inbox,
 * e-mail (a real SMTP server) and some by webhook (a signing peer): on each day, who got which
 * message on which channel, and nothing else.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(GreenMailResource.class)
class LadderOnEveryChannelTest {

    private static final LocalDate DUE = LocalDate.of(2027, 6, 30);
    private static final String SECRET = "阶梯-secret";

    @InjectMailPeer
    GreenMail mail;

    @Inject
    NotifyFixture fixture;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    private final Map<String, String> unitOfAddress = new HashMap<>();
    private final Map<String, Integer> inboxSeen = new HashMap<>();
    // GreenMail lists messages by mailbox, not in arrival order: new ones are told apart by Message-ID
    private final Set<String> mailSeen = new HashSet<>();
    private int mailBefore;
    private int leadHookSeen;
    private int districtHookSeen;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyStepReachesItsUnitsOnEachOfTheirChannels() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        try (WebhookPeer leadHook = new WebhookPeer(SECRET); WebhookPeer districtHook = new WebhookPeer(SECRET)) {
            contacts(tree, tree.lead(), "fgj", leadHook);
            contacts(tree, tree.co(), "tjj", null);
            contacts(tree, tree.district(), "dcs", districtHook);
            contacts(tree, tree.city(), "szf", null);
            for (MimeMessage old : mail.getReceivedMessages()) {
                mailSeen.add(old.getMessageID());
            }
            mailBefore = mail.getReceivedMessages().length;
            long task = fixture.nextId();
            fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
            String notice3 = "【提醒】重点任务“推进重点项目建设" + task + "”将于 6月30日 到期（还有 3 天）";
            String notice1 = "【提醒】重点任务“推进重点项目建设" + task + "”将于 6月30日 到期（还有 1 天）";
            String urge = "【催办】重点任务“推进重点项目建设" + task + "”已逾期 1 天";
            String yellow = "【黄色预警】重点任务“推进重点项目建设" + task + "”已逾期 3 天";
            String red = "【红色预警】重点任务“推进重点项目建设" + task + "”已逾期 7 天";

            assertEquals(List.of(), day(-4, tree, leadHook, districtHook));
            assertEquals(sorted(
                    tree.lead() + " INBOX " + notice3, tree.lead() + " EMAIL " + notice3, tree.lead() + " WEBHOOK " + notice3,
                    tree.co() + " INBOX " + notice3, tree.co() + " EMAIL " + notice3), day(-3, tree, leadHook, districtHook));
            assertEquals(List.of(), day(-2, tree, leadHook, districtHook));
            assertEquals(sorted(
                    tree.lead() + " INBOX " + notice1, tree.lead() + " EMAIL " + notice1, tree.lead() + " WEBHOOK " + notice1,
                    tree.co() + " INBOX " + notice1, tree.co() + " EMAIL " + notice1), day(-1, tree, leadHook, districtHook));
            assertEquals(List.of(), day(0, tree, leadHook, districtHook));
            assertEquals(sorted(
                    tree.lead() + " INBOX " + urge, tree.lead() + " EMAIL " + urge, tree.lead() + " WEBHOOK " + urge),
                    day(1, tree, leadHook, districtHook));
            assertEquals(sorted(
                    tree.lead() + " INBOX " + yellow, tree.lead() + " EMAIL " + yellow, tree.lead() + " WEBHOOK " + yellow,
                    tree.district() + " INBOX " + yellow, tree.district() + " EMAIL " + yellow,
                    tree.district() + " WEBHOOK " + yellow), day(3, tree, leadHook, districtHook));
            assertEquals(List.of(), day(5, tree, leadHook, districtHook));
            assertEquals(sorted(
                    tree.district() + " INBOX " + red, tree.district() + " EMAIL " + red, tree.district() + " WEBHOOK " + red,
                    tree.city() + " INBOX " + red, tree.city() + " EMAIL " + red), day(7, tree, leadHook, districtHook));
            assertEquals(List.of(), day(8, tree, leadHook, districtHook));

            TestTokens.as("supervisor", tree.city()).queryParam("subjectType", "TASK").queryParam("size", 100)
                    .get("/api/v1/reminders").then().statusCode(200)
                    .body("items.findAll { it.subjectId == " + task + " }.size()", equalTo(9))
                    .body("items.findAll { it.subjectId == " + task + " }.status", everyItem(equalTo("SENT")));
            TestTokens.as("supervisor", tree.city()).queryParam("orgUnit", tree.district()).queryParam("size", 100)
                    .get("/api/v1/deliveries").then().statusCode(200)
                    .body("items.findAll { it.title.contains('推进重点项目建设" + task + "') }.size()", equalTo(22))
                    .body("items.findAll { it.title.contains('推进重点项目建设" + task + "') }.status",
                            everyItem(equalTo("SENT")));
            MimeMessage redMail = lastMailTo("szf@" + tree.city().toLowerCase() + ".gov.cn");
            String body = new String(MimeUtility.decode(redMail.getRawInputStream(), redMail.getEncoding()).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(body.contains("责任领导：张副区长"), body);
            assertTrue(body.contains("http://localhost:8080/tasks/" + task), body);
        }
    }

    /** Sweeps (through the API) and delivers at 09:00 on T+{@code offset}; what arrived, as "unit CHANNEL title". */
    private List<String> day(int offset, NotifyFixture.Tree tree, WebhookPeer leadHook, WebhookPeer districtHook)
            throws Exception {
        clock.set(DUE.plusDays(offset), LocalTime.of(9, 0));
        TestTokens.as("supervisor", tree.district()).post("/api/v1/reminders/sweep").then().statusCode(200);
        worker.drain();
        List<String> arrived = new ArrayList<>();
        for (String unit : List.of(tree.lead(), tree.co(), tree.district(), tree.city())) {
            String role = unit.equals(tree.lead()) || unit.equals(tree.co()) ? "department" : "supervisor";
            List<String> titles = TestTokens.as(role, unit).queryParam("size", 100).get("/api/v1/inbox").then()
                    .statusCode(200).extract().jsonPath().getList("items.title", String.class);
            int seen = inboxSeen.getOrDefault(unit, 0);
            // newest first: the new ones are at the head
            titles.subList(0, titles.size() - seen).forEach(title -> arrived.add(unit + " INBOX " + title));
            inboxSeen.put(unit, titles.size());
        }
        // GreenMail answers 250 before it files the message: wait until every e-mail the worker saw
        // accepted is in a mailbox
        int accepted = TestTokens.as("supervisor", tree.city()).queryParam("orgUnit", tree.city())
                .queryParam("channel", "EMAIL").queryParam("status", "SENT").queryParam("size", 1)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getInt("total");
        assertTrue(mail.waitForIncomingEmail(10_000, mailBefore + accepted),
                accepted + " e-mails accepted by the relay reach their mailboxes");
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (mailSeen.add(message.getMessageID())) {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    arrived.add(unitOfAddress.get(to.toString()) + " EMAIL " + message.getSubject());
                }
            }
        }
        List<String> lead = leadHook.acceptedOnce();
        for (int i = leadHookSeen; i < lead.size(); i++) {
            arrived.add(tree.lead() + " WEBHOOK " + title(lead.get(i)));
        }
        leadHookSeen = lead.size();
        List<String> district = districtHook.acceptedOnce();
        for (int i = districtHookSeen; i < district.size(); i++) {
            arrived.add(tree.district() + " WEBHOOK " + title(district.get(i)));
        }
        districtHookSeen = district.size();
        return arrived.stream().sorted().toList();
    }

    private void contacts(NotifyFixture.Tree tree, String unit, String mailbox, WebhookPeer hook) {
        String address = mailbox + "@" + unit.toLowerCase() + ".gov.cn";
        unitOfAddress.put(address, unit);
        String channels = "{\"type\":\"EMAIL\",\"address\":\"" + address + "\"}"
                + (hook == null ? "" : ",{\"type\":\"WEBHOOK\",\"address\":\"" + hook.url() + "\",\"secret\":\"" + SECRET + "\"}");
        TestTokens.as("admin", tree.city()).body("{\"channels\":[" + channels + "]}").put("/api/v1/contacts/" + unit)
                .then().statusCode(200);
    }

    private MimeMessage lastMailTo(String address) throws MessagingException {
        MimeMessage last = null;
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equals(address)) {
                    last = message;
                }
            }
        }
        assertTrue(last != null, "a mail to " + address);
        return last;
    }

    private String title(String body) throws Exception {
        JsonNode json = mapper.readTree(body);
        return json.get("title").asText();
    }

    private static List<String> sorted(String... lines) {
        return List.of(lines).stream().sorted().toList();
    }
}
