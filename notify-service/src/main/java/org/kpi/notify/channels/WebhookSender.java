package org.kpi.notify.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a message to a generic webhook (通用 Webhook) as UTF-8 JSON
 * {@code {deliveryId, orgUnitCode, title, text, link, facts, createdAt}}, with
 * {@value #SIGNATURE} ({@code sha256=} and the lowercase hex HMAC-SHA256 of the exact body bytes
 * under the channel's secret, when it has one), {@value #IDEMPOTENCY_KEY} (the same on every
 * retry) and {@value #TIMESTAMP} (epoch seconds). It connects to the address the
 * {@link OutboundGuard} approved, keeping the URL's host for {@code Host} and TLS SNI, and never
 * follows redirects.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String SIGNATURE = "X-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TIMESTAMP = "X-Timestamp";

    private final OutboundGuard guard;
    private final WebhookConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient client;

    /** Connections open at once to one receiver; more than the worker's sends in flight, so none waits for one. */
    private static final int CONNECTIONS_PER_RECEIVER = 32;

    @Inject
    public WebhookSender(Vertx vertx, OutboundGuard guard, WebhookConfig config, ObjectMapper mapper, Clock clock) {
        this.guard = guard;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(CONNECTIONS_PER_RECEIVER)
                .setKeepAlive(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure {
        URI url = parse(channel.address());
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        InetAddress target;
        try {
            target = guard.resolve(url.getHost());
        } catch (OutboundRefused e) {
            throw DeliveryFailure.permanent("Webhook 地址不允许访问：" + e.getMessage() + "，请改用公网地址或请管理员调整出站规则");
        } catch (UnknownHostException e) {
            throw DeliveryFailure.retry("无法解析 Webhook 主机名 " + host + "，稍后重试", e);
        }
        byte[] body = body(message);
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        long timeout = config.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader(IDEMPOTENCY_KEY, message.idempotencyKey())
                .putHeader(TIMESTAMP, Long.toString(clock.instant().getEpochSecond()));
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            options.putHeader(SIGNATURE, signature(channel.secret(), body));
        }
        Answer answer;
        try {
            answer = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body()
                            .map(ignored -> new Answer(response.statusCode(), response.getHeader("Retry-After"))))
                    .toCompletionStage().toCompletableFuture()
                    .get(2 * timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retry("发送被中断，稍后重试", e);
        } catch (TimeoutException e) {
            throw timedOut(e);
        } catch (ExecutionException e) {
            throw unreachable(host, e.getCause());
        }
        classify(answer.status(), answer.retryAfter(), clock);
    }

    /** Nothing for a 2xx; otherwise what the answer means for the next attempt. */
    static void classify(int status, String retryAfter, Clock clock) throws DeliveryFailure {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429 && retryAfter != null) {
            Duration wait = retryAfter(retryAfter, clock);
            if (wait != null) {
                throw DeliveryFailure.retryAfter("对方限流（HTTP 429），" + wait.toSeconds() + " 秒后重试", wait);
            }
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw DeliveryFailure.retry("对方暂时无法处理（HTTP " + status + "），稍后重试", null);
        }
        if (status >= 300 && status < 400) {
            throw DeliveryFailure.permanent("对方要求跳转（HTTP " + status + "），不会跟随跳转，请填写最终的 Webhook 地址");
        }
        if (status == 401 || status == 403) {
            throw DeliveryFailure.permanent("对方拒绝（HTTP " + status + "），请检查 Webhook 地址和签名密钥");
        }
        if (status >= 400) {
            throw DeliveryFailure.permanent("对方拒绝（HTTP " + status + "），请检查 Webhook 地址");
        }
        throw DeliveryFailure.retry("对方的应答无法识别（HTTP " + status + "），稍后重试", null);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] body(OutboundMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveryId", message.deliveryId());
        json.put("orgUnitCode", message.orgUnitCode());
        json.put("title", message.title());
        json.put("text", message.text());
        json.put("link", message.link());
        json.put("facts", message.facts() == null ? Map.of() : message.facts());
        json.put("createdAt", message.createdAt());
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message's facts must be JSON values", e);
        }
    }

    private static URI parse(String address) throws DeliveryFailure {
        try {
            // non-ASCII path or query characters are sent percent-encoded as UTF-8
            URI url = new URI(new URI(address).toASCIIString());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getRawUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DeliveryFailure.permanent("Webhook 地址不是合法的 http(s) 网址，请在联系方式中修正");
    }

    private DeliveryFailure timedOut(Throwable cause) {
        return DeliveryFailure.retry("等待对方响应超时（" + config.timeout().toSeconds() + " 秒），稍后重试", cause);
    }

    private DeliveryFailure unreachable(String host, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return timedOut(cause);
            }
            if (t instanceof ConnectException) {
                return DeliveryFailure.retry("无法连接 Webhook 主机 " + host + "（" + t.getMessage() + "），稍后重试", cause);
            }
        }
        return DeliveryFailure.retry("调用 Webhook 失败（" + cause + "），稍后重试", cause);
    }

    private record Answer(int status, String retryAfter) {
    }
}
