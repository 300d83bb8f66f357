package org.kpi.launcher;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local mailbox of {@code ./kpi up}: it takes real SMTP mail, keeps it on disk, and {@code ./kpi mail} shows it readably. */
class LocalMailboxTest {

    @TempDir
    Path data;

    @Test
    void mailSentOverSmtpIsSavedAndPrintedInChinese() throws Exception {
        Path folder = data.resolve("mail");
        try (LocalMailbox mailbox = LocalMailbox.start(folder, 0)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(mailbox.port()));
            MimeMessage mail = new MimeMessage(Session.getInstance(props));
            mail.setFrom(new InternetAddress("noreply@kpi.local", "督考平台", "UTF-8"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("fgj@example.gov.cn"));
            mail.setSubject("【催办】任务“重点项目开工”已逾期 2 天", "UTF-8");
            mail.setText("甲区发展和改革局：\n请尽快办理：http://localhost:8080/tasks/7", "UTF-8");
            Transport.send(mail);
            assertEquals(1, mailbox.save());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "one .eml file, kept after the mailbox stopped");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(1, LocalMailbox.print(folder, 10, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("主题：【催办】任务“重点项目开工”已逾期 2 天"), shown);
        assertTrue(shown.contains("发件人：督考平台 <noreply@kpi.local>"), shown);
        assertTrue(shown.contains("收件人：fgj@example.gov.cn"), shown);
        assertTrue(shown.contains("甲区发展和改革局：\n请尽快办理：http://localhost:8080/tasks/7"), shown);
    }

    @Test
    void mailToManyRecipientsIsSavedOnceEachWhateverMailboxItLandsIn() throws Exception {
        Path folder = data.resolve("mail");
        try (LocalMailbox mailbox = LocalMailbox.start(folder, 0)) {
            Session session = Session.getInstance(smtp(mailbox.port()));
            // recipients in an order unlike their mailboxes' (GreenMail lists mail mailbox by mailbox)
            int total = 0;
            for (String recipient : new String[]{"zfj", "fgj", "mzj", "dcs", "fgj", "zfj", "axj"}) {
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress("noreply@kpi.local"));
                mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient + "@kpi.local"));
                mail.setSubject("提醒 " + total, "UTF-8");
                mail.setText("第 " + total + " 封", "UTF-8");
                Transport.send(mail);
                total++;
                mailbox.save();
            }
            assertEquals(0, mailbox.save(), "nothing left to save");
        }
        List<String> subjects = new java.util.ArrayList<>();
        Session reader = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    subjects.add(new MimeMessage(reader, in).getSubject());
                }
            }
        }
        assertEquals(List.of("提醒 0", "提醒 1", "提醒 2", "提醒 3", "提醒 4", "提醒 5", "提醒 6"), subjects,
                "each message saved once, in the order it arrived");
    }

    private static Properties smtp(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        return props;
    }

    @Test
    void emptyMailboxSaysSo() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, LocalMailbox.print(data.resolve("mail"), 10, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("还没有收到邮件"));
    }

    @Test
    void notifyServiceSendsRealMailToTheMailboxAndMayCallLocalSinks() {
        assertEquals("127.0.0.1", Platform.notifyEnvironment(3025).get("QUARKUS_MAILER_HOST"));
        assertEquals("3025", Platform.notifyEnvironment(3025).get("QUARKUS_MAILER_PORT"));
        assertEquals("false", Platform.notifyEnvironment(3025).get("QUARKUS_MAILER_MOCK"));
        assertEquals("true", Platform.notifyEnvironment(3025).get("KPI_NOTIFY_OUTBOUND_ALLOW_LOOPBACK"));
    }
}
