package org.kpi.notify.channels;

import io.vertx.core.Future;
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
import org.kpi.notify.delivery.DeliveryFailure;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a JSON body to an address a user typed (webhooks and group robots), through the
 * {@link OutboundGuard}: the host is resolved and checked once and exactly that address is dialled,
 * the URL's host kept for {@code Host} and TLS SNI; redirects are never followed. Failures to reach
 * the peer come back as {@link DeliveryFailure}s worded for the channel ({@code what}, e.g.
 * "Webhook" or "钉钉机器人"); an answer, whatever its status, comes back as an {@link Answer}.
 */
@ApplicationScoped
public class GuardedPoster {

    /** Connections open at once to one receiver; more than the worker's sends in flight, so none waits for one. */
    private static final int CONNECTIONS_PER_RECEIVER = 32;

    private final OutboundGuard guard;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient client;

    /** What the peer answered: its status, its {@code Retry-After} header (or null) and its body. */
    public record Answer(int status, String retryAfter, byte[] body) {

        public boolean success() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Inject
    public GuardedPoster(Vertx vertx, OutboundGuard guard, WebhookConfig config, Clock clock) {
        this.guard = guard;
        this.config = config;
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

    /**
     * Posts {@code body} as {@code application/json; charset=UTF-8} to {@code address}.
     *
     * @param what    the channel as the failure texts name it ("Webhook", "钉钉机器人" …)
     * @param headers further request headers
     * @throws DeliveryFailure when the address is not a usable http(s) URL (permanent), the guard
     *                         refuses it (permanent), or the peer cannot be reached or does not
     *                         answer in time (retry)
     */
    public Answer post(String what, String address, byte[] body, Map<String, String> headers) throws DeliveryFailure {
        URI url = parse(what, address);
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        InetAddress target;
        try {
            target = guard.resolve(url.getHost());
        } catch (OutboundRefused e) {
            throw DeliveryFailure.permanent(spaced(what) + "地址不允许访问：" + e.getMessage()
                    + "，请改用公网地址或请管理员调整出站规则");
        } catch (UnknownHostException e) {
            throw DeliveryFailure.retry("无法解析" + spacedBoth(what) + "主机名 " + host + "，稍后重试", e);
        }
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
                .putHeader("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(options::putHeader);
        try {
            // The body is asked for in the same callback that receives the response, and that callback is
            // in place before the request is sent: a body asked for later (after send() returned to this
            // worker thread) may already have been read and dropped, and its future would never complete.
            return client.request(options)
                    .compose(request -> {
                        Future<Answer> answer = request.response().compose(response -> response.body()
                                .map(received -> new Answer(response.statusCode(), response.getHeader("Retry-After"),
                                        received.getBytes())));
                        request.end(Buffer.buffer(body));
                        return answer;
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(2 * timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retry("发送被中断，稍后重试", e);
        } catch (TimeoutException e) {
            throw timedOut(e);
        } catch (ExecutionException e) {
            throw unreachable(what, host, e.getCause());
        }
    }

    /**
     * Nothing for a 2xx; otherwise what the HTTP status means for the next attempt: 429 with a
     * readable {@code Retry-After} waits as asked; 408, 425, 429 and 5xx are retried; redirects and
     * other 4xx fail for good, naming what to check.
     */
    public static void classify(String what, int status, String retryAfter, Clock clock) throws DeliveryFailure {
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
            throw DeliveryFailure.permanent("对方要求跳转（HTTP " + status + "），不会跟随跳转，请填写最终的" + spacedBoth(what) + "地址");
        }
        if (status == 401 || status == 403) {
            throw DeliveryFailure.permanent("对方拒绝（HTTP " + status + "），请检查" + spacedBoth(what) + "地址和签名密钥");
        }
        if (status >= 400) {
            throw DeliveryFailure.permanent("对方拒绝（HTTP " + status + "），请检查" + spacedBoth(what) + "地址");
        }
        throw DeliveryFailure.retry("对方的应答无法识别（HTTP " + status + "），稍后重试", null);
    }

    /** {@link #classify(String, int, String, Clock)} with this poster's clock. */
    public void classify(String what, Answer answer) throws DeliveryFailure {
        classify(what, answer.status(), answer.retryAfter(), clock);
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

    private static URI parse(String what, String address) throws DeliveryFailure {
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
        throw DeliveryFailure.permanent(spaced(what) + "地址不是合法的 http(s) 网址，请在联系方式中修正");
    }

    private DeliveryFailure timedOut(Throwable cause) {
        return DeliveryFailure.retry("等待对方响应超时（" + config.timeout().toSeconds() + " 秒），稍后重试", cause);
    }

    private DeliveryFailure unreachable(String what, String host, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return timedOut(cause);
            }
            if (t instanceof ConnectException) {
                return DeliveryFailure.retry("无法连接" + spacedBoth(what) + "主机 " + host + "（" + t.getMessage() + "），稍后重试",
                        cause);
            }
        }
        return DeliveryFailure.retry("调用" + spacedBoth(what) + "失败（" + cause + "），稍后重试", cause);
    }

    /** "Webhook " before Chinese text, "钉钉机器人" as is. */
    private static String spaced(String what) {
        return isAscii(what.charAt(what.length() - 1)) ? what + " " : what;
    }

    /** " Webhook " between Chinese texts, "钉钉机器人" as is. */
    private static String spacedBoth(String what) {
        return (isAscii(what.charAt(0)) ? " " : "") + spaced(what);
    }

    private static boolean isAscii(char c) {
        return c < 0x80;
    }
}
