package org.kpi.notify.documents;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.kpi.common.events.ServiceTokens;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.delivery.DeliveryFailure;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Fetches an issued document's file from target-service ({@code kpi.notify.documents.file-base-url}
 * + the document's {@code filePath}) with the service token notify-service reads target-service's
 * feed with, behind a timeout and a circuit breaker. It does not retry by itself: a failed fetch
 * fails the e-mail's attempt, and the delivery engine tries again after its back-off — so no mail
 * leaves without its file. What is fetched must match the SHA-256 the document was issued with.
 */
@ApplicationScoped
public class DocumentFiles {

    /** Calls in the breaker's window, and the share of them failing, that open it. */
    private static final int BREAKER_VOLUME = 4;
    private static final double BREAKER_RATIO = 0.75;

    @Inject
    NotifyConfig config;

    @Inject
    ServiceTokens tokens;

    private volatile Remote remote;

    private record Remote(DocumentFileApi api, Guard guard) {
    }

    /**
     * The file's bytes.
     *
     * @throws DeliveryFailure to be retried when target-service does not answer them (down, an
     *                         error status, a refused token, a timeout) or answers other bytes than
     *                         were issued; for good when the path is not one to fetch
     */
    public byte[] fetch(DocumentFile file) throws DeliveryFailure {
        if (!DocumentFile.safePath(file.filePath())) {
            throw DeliveryFailure.permanent("文件“" + file.fileName() + "”的下载路径无效（" + file.filePath() + "），无法附送");
        }
        Remote target = remote();
        byte[] bytes;
        try {
            bytes = target.guard().get(() -> target.api().fetch("Bearer " + tokens.bearer(),
                    file.filePath().substring(1)), byte[].class);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 401) {
                tokens.renew();
            }
            throw DeliveryFailure.retry("无法从目标考核服务取得文件“" + file.fileName() + "”（HTTP " + status
                    + "），邮件暂不发送，稍后连同附件重试", e);
        } catch (RuntimeException e) {
            throw DeliveryFailure.retry("无法从目标考核服务取得文件“" + file.fileName() + "”（"
                    + e.getClass().getSimpleName() + "），邮件暂不发送，稍后连同附件重试", e);
        }
        if (bytes == null) {
            bytes = new byte[0];
        }
        if (file.sha256() != null && !file.sha256().isBlank() && !file.sha256().strip().equalsIgnoreCase(sha256(bytes))) {
            throw DeliveryFailure.retry("取得的文件“" + file.fileName() + "”与印发时的校验值不符（" + bytes.length
                    + " 字节），邮件暂不发送，稍后重试", null);
        }
        return bytes;
    }

    private Remote remote() {
        Remote built = remote;
        if (built == null) {
            synchronized (this) {
                if (remote == null) {
                    remote = connect();
                }
                built = remote;
            }
        }
        return built;
    }

    private Remote connect() {
        long timeout = config.documents().fetchTimeout().toMillis();
        DocumentFileApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.documents().fileBaseUrl().replaceAll("/+$", "") + "/"))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(DocumentFileApi.class);
        Guard guard = Guard.create()
                .withDescription("issued document files")
                .withTimeout().duration(timeout, ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name("document-files").requestVolumeThreshold(BREAKER_VOLUME)
                        .failureRatio(BREAKER_RATIO).delay(timeout, ChronoUnit.MILLIS).successThreshold(1).done()
                .build();
        return new Remote(api, guard);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
