package org.kpi.notify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.common.events.FeedEvent;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.RobotPeer;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.channels.GreenMailResource;
import org.kpi.notify.channels.InjectMailPeer;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.notify.documents.DocumentFilePeer;
import org.kpi.notify.documents.DocumentFilePeerResource;
import org.kpi.notify.documents.InjectDocumentFilePeer;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notices of documents target-service issues (文件印发: 周调度清单, 督查通报, 季度分析), read from its
 * feed (a stub) and sent through the real channels: the e-mail (a real SMTP server) carries the file
 * fetched from target-service's file endpoint (a peer that wants the service token), robots, the
 * webhook and the inbox carry the summary and the link; an event read again makes nothing twice.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(DocumentFilePeerResource.class)
class ReportIssuedNoticesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
    private static final String BASE = "http://localhost:8080";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SUMMARY = "截至10月31日，全区纳入督查的重点任务共6项，其中已办结2项、序时推进3项、滞后1项；"
            + "本月新下督办单2件，均已按期反馈。";
    private static final String SECRET = "文件-secret";

    @InjectMailPeer
    GreenMail mail;

    @InjectDocumentFilePeer
    DocumentFilePeer files;

    @Inject
    NotifyFixture fixture;

    @Inject
    FeedConsumer consumer;

    @Inject
    DeliveryWorker worker;

    @Inject
    NotifyRows db;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    private final List<AutoCloseable> peers = new ArrayList<>();
    private long seq;

    @BeforeEach
    void afternoonWithEmptyMailboxes() throws Exception {
        clock.set(TODAY, LocalTime.of(16, 5));
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void anIssuedBulletinReachesItsDistrictOfficeOnceOnEveryChannelAndItsMailCarriesTheFile() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        RobotPeer dingtalk = robot(ChannelType.DINGTALK);
        RobotPeer wecom = robot(ChannelType.WECOM);
        RobotPeer feishu = robot(ChannelType.FEISHU);
        WebhookPeer hook = new WebhookPeer(SECRET);
        peers.add(hook);
        String office = address("dcs", tree.district());
        contacts(tree, tree.district(), "{\"type\":\"EMAIL\",\"address\":\"" + office + "\"}",
                robotChannel(dingtalk, ChannelType.DINGTALK), robotChannel(wecom, ChannelType.WECOM),
                robotChannel(feishu, ChannelType.FEISHU),
                "{\"type\":\"WEBHOOK\",\"address\":\"" + hook.url() + "\",\"secret\":\"" + SECRET + "\"}");
        contacts(tree, tree.lead(), "{\"type\":\"EMAIL\",\"address\":\"" + address("fgj", tree.lead()) + "\"}");
        long id = fixture.nextId();
        String fileName = "芝罘区督查通报-2026-10.docx";
        byte[] bytes = bytes(48_213, id);
        String path = filePath(id);
        files.serve(path, bytes, DOCX);
        Map<String, Object> payload = issued(id, tree.district(), "芝罘区", "MONTHLY", "督查通报", "2026-10",
                "芝罘区督查通报（2026年第10期）", fileName, DOCX, bytes, "schedule");

        FeedEvent event = publish(id, payload);
        assertEquals(1, consumer.drain("target"));
        worker.drain();

        String title = "督查通报已印发：芝罘区督查通报（2026年第10期）";
        String link = BASE + "/reports?archive=" + id;
        JsonPath reminders = TestTokens.as("supervisor", tree.district()).queryParam("subjectType", "DOCUMENT")
                .queryParam("orgUnit", tree.district()).get("/api/v1/reminders").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("REPORT_ISSUED"), reminders.getList("items.kind"));
        assertEquals(List.of(id), reminders.getList("items.subjectId", Long.class));
        assertEquals(List.of("report.issued#" + event.seq()), reminders.getList("items.subjectKey"));
        assertEquals(List.of("DISTRICT"), reminders.getList("items.party"));
        assertEquals(List.of("芝罘区督查通报（2026年第10期）"), reminders.getList("items.title"));
        assertEquals(List.of("SENT"), reminders.getList("items.status"));

        List<Map<String, Object>> inbox = inbox("supervisor", tree.district());
        assertEquals(1, inbox.size(), inbox.toString());
        assertEquals(title, inbox.get(0).get("title"));
        assertEquals(link, inbox.get(0).get("link"));
        assertEquals("REPORT_ISSUED", inbox.get(0).get("kind"));
        String body = (String) inbox.get(0).get("body");
        assertEquals(title + "\n"
                + "芝罘区督查通报（2026年10月）已于 2026年11月3日 16:00 印发（按计划自动印发）。\n"
                + "内容摘要：" + SUMMARY + "\n"
                + "文件：" + fileName + "（47.1 KB）\n"
                + "办理入口：" + link, body);

        assertTrue(mail.waitForIncomingEmail(10_000, 1), "the office's mail arrives");
        MimeMessage received = only(mailsTo(office));
        assertEquals(title, received.getSubject());
        assertTrue(received.isMimeType("multipart/mixed"), received.getContentType());
        String text = text(received);
        assertTrue(text.contains("内容摘要：" + SUMMARY) && text.contains("办理入口：" + link), text);
        assertFalse(text.contains("未随本邮件附送"), text);
        Part attachment = only(attachments(received));
        assertEquals(fileName, attachment.getFileName(), "the Chinese name survives");
        assertEquals(DOCX, new ContentType(attachment.getContentType()).getBaseType());
        assertArrayEquals(bytes, content(attachment), "the bytes target-service served");
        String disposition = attachment.getHeader("Content-Disposition")[0];
        assertTrue(disposition.startsWith("attachment") && disposition.contains("filename*0*=UTF-8''%E8%8A%9D"),
                "the name is written as RFC 2231 says: " + disposition);
        assertEquals(List.of(new DocumentFilePeer.Request(path, true, 200)), files.requests(path),
                "fetched once, with the service token");

        RobotPeer.Received ding = only(dingtalk.received());
        assertEquals(title, ding.json().path("markdown").path("title").asText());
        String markdown = ding.json().path("markdown").path("text").asText();
        assertTrue(markdown.contains(SUMMARY) && markdown.contains("[办理入口](" + link + ")"), markdown);
        String content = only(wecom.received()).json().path("markdown").path("content").asText();
        assertTrue(content.contains(title) && content.contains(SUMMARY) && content.contains(link), content);
        JsonNode post = only(feishu.received()).json().path("content").path("post").path("zh_cn");
        assertEquals(title, post.path("title").asText());
        assertTrue(post.toString().contains(SUMMARY) && post.toString().contains(link), post.toString());
        JsonNode webhook = mapper.readTree(only(hook.acceptedBodies()));
        assertEquals(title, webhook.path("title").asText());
        assertEquals(link, webhook.path("link").asText());
        assertEquals("REPORT_ISSUED", webhook.path("facts").path("kind").asText());
        assertEquals("DOCUMENT", webhook.path("facts").path("subjectType").asText());
        assertEquals(id, webhook.path("facts").path("documentId").asLong());
        assertEquals("MONTHLY", webhook.path("facts").path("documentKind").asText());
        assertEquals(fileName, webhook.path("facts").path("fileName").asText());
        assertEquals(bytes.length, webhook.path("facts").path("size").asLong());

        assertEquals(List.of(), inbox("department", tree.lead()), "a district's document is its office's");
        assertEquals(List.of(), mailsTo(address("fgj", tree.lead())));

        // read again: from the feed (at-least-once), and replayed as from the dead letters
        assertEquals(0, consumer.drain("target"));
        fixture.deliver(event);
        fixture.deliver(event);
        worker.drain();
        assertFalse(mail.waitForIncomingEmail(1_000, 2), "no second mail");
        assertEquals(1, mailsTo(office).size());
        assertEquals(1, inbox("supervisor", tree.district()).size());
        assertEquals(1, dingtalk.calls());
        assertEquals(1, wecom.calls());
        assertEquals(1, feishu.calls());
        assertEquals(1, hook.calls());
        assertEquals(1, files.requests(path).size());
        assertEquals(1, db.count("select count(*) from reminder where subject_type = 'DOCUMENT' and subject_id = ?1", id));
        assertEquals(6, db.count("select count(*) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.subject_type = 'DOCUMENT' and r.subject_id = ?1", id), "inbox, e-mail, three robots, webhook");
    }

    @Test
    void aFileThatCannotBeFetchedHoldsTheMailUntilTheNextAttemptWhichSendsItOnceWithTheFile() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        String office = address("dcs", tree.district());
        contacts(tree, tree.district(), "{\"type\":\"EMAIL\",\"address\":\"" + office + "\"}");
        long id = fixture.nextId();
        byte[] bytes = bytes(30_000, id);
        String path = filePath(id);
        files.serve(path, bytes, DOCX);
        files.failNext(1, 500);
        publish(id, issued(id, tree.district(), "芝罘区", "MONTHLY", "督查通报", "2026-10",
                "芝罘区督查通报（2026年第10期）", "芝罘区督查通报-2026-10.docx", DOCX, bytes, "supervisor@" + tree.district()));
        assertEquals(1, consumer.drain("target"));

        worker.drain();
        assertEquals(1, inbox("supervisor", tree.district()).size(), "the inbox needs no file");
        Object[] email = emailDelivery(id);
        assertEquals("RETRYING", email[0]);
        assertEquals(1, ((Number) email[1]).intValue());
        assertTrue(((String) email[2]).contains("HTTP 500"), (String) email[2]);
        assertFalse(mail.waitForIncomingEmail(1_000, 1), "no mail without its file");

        clock.advance(Duration.ofHours(1));
        worker.drain();
        assertTrue(mail.waitForIncomingEmail(10_000, 1));
        MimeMessage received = only(mailsTo(office));
        assertArrayEquals(bytes, content(only(attachments(received))));
        assertEquals("SENT", emailDelivery(id)[0]);
        assertEquals(2, ((Number) emailDelivery(id)[1]).intValue());
        assertEquals(List.of(500, 200), files.requests(path).stream().map(DocumentFilePeer.Request::status).toList());

        clock.advance(Duration.ofHours(3));
        worker.drain();
        assertFalse(mail.waitForIncomingEmail(1_000, 2), "sent once");
        assertEquals(2, files.requests(path).size());
    }

    @Test
    void aFileThatIsNotTheOneIssuedIsNotMailed() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        contacts(tree, tree.district(), "{\"type\":\"EMAIL\",\"address\":\"" + address("dcs", tree.district()) + "\"}");
        long id = fixture.nextId();
        byte[] issuedBytes = bytes(20_000, id);
        byte[] otherBytes = bytes(20_000, id + 1);
        files.serve(filePath(id), otherBytes, DOCX);
        publish(id, issued(id, tree.district(), "芝罘区", "MONTHLY", "督查通报", "2026-09",
                "芝罘区督查通报（2026年第9期）", "芝罘区督查通报-2026-09.docx", DOCX, issuedBytes, "schedule"));
        assertEquals(1, consumer.drain("target"));

        worker.drain();

        Object[] email = emailDelivery(id);
        assertEquals("RETRYING", email[0]);
        assertTrue(((String) email[2]).contains("校验值不符"), (String) email[2]);
        assertFalse(mail.waitForIncomingEmail(1_000, 1), "not mailed with another file");
    }

    @Test
    void aFilePathThatIsNoPlainPathIsNeverFetchedAndItsMailFailsForGoodSayingWhy() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        contacts(tree, tree.district(), "{\"type\":\"EMAIL\",\"address\":\"" + address("dcs", tree.district()) + "\"}");
        long id = fixture.nextId();
        Map<String, Object> payload = issued(id, tree.district(), "芝罘区", "MONTHLY", "督查通报", "2026-08",
                "芝罘区督查通报（2026年第8期）", "芝罘区督查通报-2026-08.docx", DOCX, bytes(1_000, id), "schedule");
        payload.put("filePath", "//169.254.169.254/latest/meta-data");
        publish(id, payload);
        assertEquals(1, consumer.drain("target"));
        int requests = files.total();

        worker.drain();

        assertEquals(1, inbox("supervisor", tree.district()).size(), "the notice itself is made");
        Object[] email = emailDelivery(id);
        assertEquals("DEAD", email[0]);
        assertTrue(((String) email[2]).contains("下载路径无效"), (String) email[2]);
        assertEquals(requests, files.total(), "nothing fetched");
        assertFalse(mail.waitForIncomingEmail(1_000, 1));
    }

    @Test
    void aDocumentLargerThanTheAttachmentLimitGoesToTheCityOfficeWithTheLinkOnlyAndTheMailSaysSo() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        String office = address("szf", tree.city());
        contacts(tree, tree.city(), "{\"type\":\"EMAIL\",\"address\":\"" + office + "\"}");
        long id = fixture.nextId();
        byte[] bytes = bytes(10 * 1024 * 1024 + 1, id);
        String path = filePath(id);
        files.serve(path, bytes, DOCX);
        String fileName = "烟台市季度分析-2026-Q3.docx";
        publish(id, issued(id, tree.city(), "烟台市", "QUARTERLY", "季度分析", "2026-Q3",
                "烟台市2026年第三季度重点工作分析", fileName, DOCX, bytes, "schedule"));
        assertEquals(1, consumer.drain("target"));

        worker.drain();

        assertEquals(List.of("CITY REPORT_ISSUED"), db.rows("select party, kind from reminder "
                + "where subject_type = 'DOCUMENT' and subject_id = ?1", id).stream().map(r -> r[0] + " " + r[1]).toList());
        assertTrue(mail.waitForIncomingEmail(10_000, 1));
        MimeMessage received = only(mailsTo(office));
        assertEquals("季度分析已印发：烟台市2026年第三季度重点工作分析", received.getSubject());
        assertEquals(List.of(), attachments(received), "no attachment");
        String link = BASE + "/reports?archive=" + id;
        String text = text(received);
        assertTrue(text.contains("文件：" + fileName + "（10 MB）"), text);
        assertTrue(text.contains("（文件“" + fileName + "”大小 10 MB，超过邮件附件上限 10 MB，未随本邮件附送，"
                + "请通过下面的办理入口查看、下载。）\n办理入口：" + link), text);
        assertEquals(List.of(), files.requests(path), "not even fetched");
        assertEquals("SENT", emailDelivery(id)[0]);
        String inboxBody = (String) only(inbox("supervisor", tree.city())).get("body");
        assertFalse(inboxBody.contains("未随本邮件附送"), "only the mail says so: " + inboxBody);
    }

    @Test
    void aDepartmentsWeeklyListReachesTheDepartmentWithTheWorkbookUnderItsLongChineseName() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        String department = address("fgj", tree.lead());
        contacts(tree, tree.lead(), "{\"type\":\"EMAIL\",\"address\":\"" + department + "\"}");
        long id = fixture.nextId();
        byte[] bytes = bytes(9_000, id);
        files.serve(filePath(id), bytes, XLSX);
        String fileName = "芝罘区发展和改革局重点任务周调度清单（第45周·含节点与督办单）-2026-W45.xlsx";
        publish(id, issued(id, tree.lead(), "芝罘区发展和改革局", "WEEKLY", "周调度清单", "2026-W45",
                "芝罘区发展和改革局周调度清单（2026年第45周）", fileName, XLSX, bytes, "schedule"));
        assertEquals(1, consumer.drain("target"));

        worker.drain();

        assertEquals(List.of("LEAD"), db.rows("select party from reminder where subject_type = 'DOCUMENT' "
                + "and subject_id = ?1", id).stream().map(r -> r[0]).toList());
        assertTrue(mail.waitForIncomingEmail(10_000, 1));
        MimeMessage received = only(mailsTo(department));
        assertEquals("周调度清单已印发：芝罘区发展和改革局周调度清单（2026年第45周）", received.getSubject());
        assertTrue(text(received).contains("（2026年第45周）已于 2026年11月3日 16:00 印发"), text(received));
        Part attachment = only(attachments(received));
        assertEquals(fileName, attachment.getFileName());
        assertEquals(XLSX, new ContentType(attachment.getContentType()).getBaseType());
        assertArrayEquals(bytes, content(attachment));
        assertEquals(fileName, new ContentType(attachment.getContentType()).getParameter("name"),
                "the media type names the file too");
        List<String> lines = List.of(String.join("\n", List.of(attachment.getHeader("Content-Disposition"))).split("\r?\n"));
        assertTrue(lines.size() > 2 && lines.stream().allMatch(l -> l.length() <= 78),
                "a long name is split into RFC 2231 parts on lines of their own: " + lines);
    }

    // ------------------------------------------------------------------------------------- helpers

    /** The payload of {@code report.issued} as target-service publishes it ({@code ReportArchive.Issued}). */
    private static Map<String, Object> issued(long id, String unit, String unitName, String kind, String kindLabel,
                                              String period, String title, String fileName, String contentType,
                                              byte[] bytes, String issuedBy) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("orgUnitCode", unit);
        payload.put("orgUnitName", unitName);
        payload.put("kind", kind);
        payload.put("kindLabel", kindLabel);
        payload.put("period", period);
        payload.put("title", title);
        payload.put("fileName", fileName);
        payload.put("contentType", contentType);
        payload.put("size", bytes.length);
        payload.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        payload.put("summary", SUMMARY);
        payload.put("issuedBy", issuedBy);
        payload.put("issuedAt", "2026-11-03T16:00:00+08:00");
        payload.put("filePath", filePath(id));
        payload.put("consolePath", "/reports?archive=" + id);
        return payload;
    }

    private static String filePath(long id) {
        return "/api/v1/reports/archive/" + id + "/file";
    }

    /** Publishes the event on target-service's feed (the stub); returns it as the consumer reads it. */
    private FeedEvent publish(long id, Map<String, Object> payload) throws Exception {
        seq = Math.max(seq + 1, consumer.cursor("target") + 1);
        OffsetDateTime at = OffsetDateTime.now(clock);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("type", "report.issued");
        event.put("occurredAt", at.toString());
        event.put("key", Long.toString(id));
        event.put("payload", payload);
        RestAssured.given().contentType("application/json; charset=UTF-8").body(mapper.writeValueAsString(event))
                .post(ConfigProvider.getConfig().getValue("feed-stub.url", String.class) + "/control/events?seq=" + seq)
                .then().statusCode(204);
        return new FeedEvent(seq, "report.issued", at, Long.toString(id), mapper.valueToTree(payload));
    }

    /** Status, attempts and last error of the document's e-mail delivery. */
    private Object[] emailDelivery(long id) {
        List<Object[]> rows = db.rows("select d.status, d.attempts, d.last_error from delivery d join reminder r "
                + "on r.id = d.reminder_id where r.subject_type = 'DOCUMENT' and r.subject_id = ?1 "
                + "and d.channel = 'EMAIL'", id);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private RobotPeer robot(ChannelType type) {
        RobotPeer robot = new RobotPeer(type, null);
        peers.add(robot);
        return robot;
    }

    private static String robotChannel(RobotPeer robot, ChannelType type) {
        return "{\"type\":\"" + type + "\",\"address\":\"" + robot.url() + "\"}";
    }

    private static void contacts(NotifyFixture.Tree tree, String unit, String... channels) {
        TestTokens.as("admin", tree.city()).body("{\"channels\":[" + String.join(",", channels) + "]}")
                .put("/api/v1/contacts/" + unit).then().statusCode(200);
    }

    private static String address(String mailbox, String unit) {
        return mailbox + "@" + unit.toLowerCase() + ".gov.cn";
    }

    private static List<Map<String, Object>> inbox(String role, String unit) {
        return TestTokens.as(role, unit).queryParam("size", 100).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** Bytes that stand for a file: not text, different per seed. */
    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private List<MimeMessage> mailsTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equals(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    /** The mail's text: the whole body of a plain mail, the text part of a multipart one. */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text.replace("\r\n", "\n");
        }
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no text part in " + message.getContentType());
    }

    private static List<Part> attachments(MimeMessage message) throws Exception {
        List<Part> found = new ArrayList<>();
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    found.add(part);
                }
            }
        }
        return found;
    }

    private static byte[] content(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        assertNotNull(items.get(0));
        return items.get(0);
    }
}
