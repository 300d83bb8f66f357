package org.kpi.notify.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.delivery.DeliveryFailure;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generic HTTP SMS gateway: {@code POST {kpi.notify.sms.url}} with the JSON
 * {@code {requestId, templateId, phoneNumbers, parameters}} and the credential in the configured
 * header. Any 2xx is accepted; 429 waits for {@code Retry-After}; 408, 5xx, timeouts and
 * connection errors are retried; 401 and 403 (credential) and other 4xx (bad request) are final.
 * The URL is the operator's, not a user's, but still passes the outbound deny list.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private final NotifyConfig config;
    private final OutboundGuard guard;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient client;

    @Inject
    public HttpSmsGateway(NotifyConfig config, OutboundGuard guard, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.guard = guard;
        this.mapper = mapper;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(config.sms().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String requestId, List<String> phoneNumbers, Map<String, String> parameters) throws DeliveryFailure {
        String url = config.sms().url().filter(u -> !u.isBlank()).orElseThrow(() -> DeliveryFailure.permanent(
                "未配置短信网关（kpi.notify.sms.url），短信未发送，请联系管理员"));
        URI uri = URI.create(url);
        try {
            guard.resolve(uri.getHost());
        } catch (OutboundRefused e) {
            throw DeliveryFailure.permanent("短信网关地址不允许访问：" + e.getMessage() + "，请联系管理员");
        } catch (UnknownHostException e) {
            throw DeliveryFailure.retry("无法解析短信网关主机名 " + uri.getHost() + "，稍后重试", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("templateId", config.sms().templateId());
        body.put("phoneNumbers", phoneNumbers);
        body.put("parameters", parameters);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.sms().timeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
        try {
            config.sms().authValue().ifPresent(value -> request.header(config.sms().authHeader(), value));
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.permanent("短信网关凭证的配置无效（请求头 " + config.sms().authHeader()
                    + " 只能用 ASCII 字符），请管理员检查 kpi.notify.sms.auth-header 和 auth-value");
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw DeliveryFailure.retry("等待短信网关响应超时，稍后重试", e);
        } catch (IOException e) {
            throw DeliveryFailure.retry("无法连接短信网关（" + e.getMessage() + "），稍后重试", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retry("发送被中断，稍后重试", e);
        }
        classify(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    private void classify(int status, String retryAfter, String body) throws DeliveryFailure {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429 && retryAfter != null) {
            Duration wait = GuardedPoster.retryAfter(retryAfter, clock);
            if (wait != null) {
                throw DeliveryFailure.retryAfter("短信网关限流（HTTP 429），" + wait.toSeconds() + " 秒后重试", wait);
            }
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw DeliveryFailure.retry("短信网关暂时无法处理（HTTP " + status + "），稍后重试", null);
        }
        if (status == 401 || status == 403) {
            throw DeliveryFailure.permanent("短信网关拒绝了凭证（HTTP " + status + "），请管理员检查短信网关密钥");
        }
        String said = body == null ? "" : body.strip();
        throw DeliveryFailure.permanent("短信网关拒绝发送（HTTP " + status + "）"
                + (said.isEmpty() ? "" : "：" + (said.length() > 120 ? said.substring(0, 120) + "…" : said))
                + "，请检查手机号码");
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
