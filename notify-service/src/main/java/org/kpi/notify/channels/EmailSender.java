package org.kpi.notify.channels;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.documents.DocumentFile;
import org.kpi.notify.documents.DocumentFiles;
import org.kpi.notify.messages.NoticeRenderer;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a message as a plain-text e-mail (电子邮件) through the configured SMTP relay
 * ({@code quarkus.mailer.*}): the title is the subject, the text (link included) the body. The
 * idempotency key travels as {@value #IDEMPOTENCY_HEADER} and in the {@code Message-ID}, so a
 * repeat after a retry is recognisable as the same message.
 *
 * <p>A notice of an issued document (REPORT_ISSUED) carries the document's file: each attempt
 * fetches it from target-service first, and an attempt whose fetch fails sends nothing and is
 * retried like any failed send — no such mail leaves without its file. A file larger than
 * {@code kpi.notify.documents.max-attachment-bytes} is not fetched: its mail goes with the link
 * only and a line that says why.
 *
 * <p>Every send starts on one event-loop context of this sender's own, so the mail client's pooled
 * connections are always created and used on the same thread. Called from the delivery worker's
 * threads directly, each send ran on a context of its own, and now and then a send to a fast
 * relay never heard the relay's answer and waited out its whole timeout.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    /** The header carrying the message's idempotency key. */
    public static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    @Inject
    DocumentFiles documents;

    @Inject
    NoticeRenderer notices;

    @Inject
    NotifyConfig config;

    /** How long one message may take, as the Quarkus mailer's own setting says. */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "30s")
    Duration timeout;

    private Context context;

    @PostConstruct
    void init() {
        context = ((VertxInternal) vertx).createEventLoopContext();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure {
        String text = message.text();
        Optional<DocumentFile> document = DocumentFile.in(message.facts());
        byte[] file = null;
        if (document.isPresent()) {
            long limit = config.documents().maxAttachmentBytes();
            long size = document.get().size();
            if (size <= limit) {
                file = documents.fetch(document.get());
                size = file.length;
            }
            if (size > limit) {
                file = null;
                text = withNote(text, notices.notAttached(document.get().fileName(), size, limit));
            }
        }
        Mail mail = Mail.withText(channel.address(), message.title(), text)
                .addHeader(IDEMPOTENCY_HEADER, message.idempotencyKey())
                .addHeader("Message-ID", messageId(message.idempotencyKey()));
        if (file != null) {
            MailAttachments.attach(mail, document.get().fileName(), file, document.get().contentType());
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        context.runOnContext(start -> mailer.send(mail).subscribe().with(done -> sent.complete(null),
                sent::completeExceptionally));
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw classify(channel.address(), e.getCause());
        } catch (TimeoutException e) {
            throw classify(channel.address(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retry("发送邮件时被中断，稍后重试", e);
        }
    }

    /** {@code text} with {@code note} on a line before its closing link line (办理入口：…), or at its end. */
    static String withNote(String text, String note) {
        int last = text.lastIndexOf('\n');
        if (last >= 0 && text.startsWith(RobotSender.LINK_LABEL + "：", last + 1)) {
            return text.substring(0, last + 1) + note + text.substring(last);
        }
        return text + "\n" + note;
    }

    /** A {@code Message-ID} made of the idempotency key: the same for every attempt at one delivery. */
    static String messageId(String idempotencyKey) {
        return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]", "-") + "@notify.kpi>";
    }

    /** What a failed send means: a refusal of the recipient is final, anything transient is retried. */
    static DeliveryFailure classify(String address, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                String reply = smtp.getReplyMessage() == null ? "" : "：" + smtp.getReplyMessage().strip();
                if (smtp.isPermanent()) {
                    return DeliveryFailure.permanent("邮件服务器拒收（SMTP " + code + reply + "），请检查邮箱地址 "
                            + address + " 是否正确");
                }
                return DeliveryFailure.retry("邮件服务器暂时无法接收（SMTP " + code + reply + "），稍后重试", failure);
            }
            if (t instanceof ConnectException) {
                return DeliveryFailure.retry("无法连接邮件服务器（" + t.getMessage() + "），稍后重试", failure);
            }
            if (t instanceof UnknownHostException) {
                return DeliveryFailure.retry("无法解析邮件服务器的主机名，稍后重试", failure);
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return DeliveryFailure.retry("等待邮件服务器响应超时，稍后重试", failure);
            }
        }
        return DeliveryFailure.retry("发送邮件失败（" + failure.getClass().getSimpleName() + "），稍后重试", failure);
    }
}
