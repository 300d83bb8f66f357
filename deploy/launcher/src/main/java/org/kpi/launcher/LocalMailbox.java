package org.kpi.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local mailbox of {@code ./kpi up} (本地邮箱): a real SMTP server (GreenMail) on 127.0.0.1 that
 * accepts mail for any address and sends nothing on. Each message it receives is saved as an
 * {@code .eml} file in the data folder, where {@code ./kpi mail} reads it, also after the platform
 * stopped.
 */
final class LocalMailbox implements AutoCloseable {

    /** The port tried first; a free one is used when it is taken. */
    static final int PREFERRED_PORT = 3025;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final GreenMail greenMail;
    private final Path folder;
    private final Thread keeper;
    /** The messages saved so far, by identity: GreenMail lists what it received mailbox by mailbox, not in arrival order. */
    private final Set<StoredMessage> saved = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean closed;

    private LocalMailbox(GreenMail greenMail, Path folder) {
        this.greenMail = greenMail;
        this.folder = folder;
        this.keeper = new Thread(this::keep, "kpi-mailbox");
        keeper.setDaemon(true);
    }

    /** Starts the mailbox on {@code preferredPort} (or a free port when taken), saving mail into {@code folder}. */
    static LocalMailbox start(Path folder, int preferredPort) throws IOException {
        Files.createDirectories(folder);
        int port = free(preferredPort) ? preferredPort : 0;
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        LocalMailbox mailbox = new LocalMailbox(greenMail, folder);
        mailbox.keeper.start();
        return mailbox;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Saves what arrived since the last call, each message once, oldest first; returns how many
     * messages it saved.
     */
    synchronized int save() throws IOException, MessagingException {
        List<StoredMessage> fresh = new ArrayList<>();
        for (StoredMessage message : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            if (!saved.contains(message)) {
                fresh.add(message);
            }
        }
        fresh.sort(Comparator.comparing(StoredMessage::getReceivedDate));
        for (StoredMessage message : fresh) {
            Path file = folder.resolve(String.format("%d-%04d.eml", System.currentTimeMillis(), saved.size()));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.getMimeMessage().writeTo(out);
            }
            saved.add(message);
        }
        return fresh.size();
    }

    private void keep() {
        while (!closed) {
            try {
                save();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | MessagingException e) {
                System.err.println("无法保存收到的邮件：" + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        keeper.interrupt();
        try {
            save();
        } catch (IOException | MessagingException e) {
            System.err.println("无法保存收到的邮件：" + e.getMessage());
        }
        greenMail.stop();
    }

    /** Prints the last {@code last} messages saved in {@code folder}, oldest first; returns how many there are. */
    static int print(Path folder, int last, PrintStream out) throws IOException, MessagingException {
        List<Path> files;
        if (!Files.isDirectory(folder)) {
            files = List.of();
        } else {
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            out.println("本地邮箱还没有收到邮件（" + folder + "）。");
            return 0;
        }
        Session session = Session.getInstance(new Properties());
        List<Path> shown = files.subList(Math.max(0, files.size() - last), files.size());
        out.println("本地邮箱共收到 " + files.size() + " 封邮件，以下是最近 " + shown.size() + " 封（" + folder + "）：");
        for (Path file : shown) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage mail = new MimeMessage(session, in);
                out.println();
                out.println("──────── " + file.getFileName());
                out.println("时间：" + (mail.getSentDate() == null ? "未知" : SHOWN.format(mail.getSentDate().toInstant())));
                out.println("发件人：" + addresses(mail.getHeader("From", ", ")));
                out.println("收件人：" + addresses(mail.getHeader("To", ", ")));
                out.println("主题：" + (mail.getSubject() == null ? "" : mail.getSubject()));
                out.println();
                out.println(text(mail).stripTrailing());
            }
        }
        return files.size();
    }

    /** The plain text of a message: its body, or its first text/plain part. */
    static String text(Part part) throws IOException, MessagingException {
        ContentType type = new ContentType(part.getContentType());
        if (type.match("text/*")) {
            String charset = type.getParameter("charset");
            InputStream raw = part instanceof MimeMessage message ? message.getRawInputStream()
                    : ((MimeBodyPart) part).getRawInputStream();
            String encoding = part instanceof MimeMessage message ? message.getEncoding()
                    : ((MimeBodyPart) part).getEncoding();
            byte[] bytes = MimeUtility.decode(raw, encoding == null ? "7bit" : encoding).readAllBytes();
            return new String(bytes, charset == null ? StandardCharsets.US_ASCII : Charset.forName(MimeUtility.javaCharset(charset)))
                    .replace("\r\n", "\n");
        }
        if (type.match("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
                    return text(body);
                }
            }
        }
        return "（非纯文本邮件：" + type.getBaseType() + "）";
    }

    private static String addresses(String header) {
        if (header == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(header);
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
