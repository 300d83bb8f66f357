package org.kpi.notify.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a message to a generic webhook (通用 Webhook) as UTF-8 JSON
 * {@code {deliveryId, orgUnitCode, title, text, link, facts, createdAt}}, with
 * {@value #SIGNATURE} ({@code sha256=} and the lowercase hex HMAC-SHA256 of the exact body bytes
 * under the channel's secret, when it has one), {@value #IDEMPOTENCY_KEY} (the same on every
 * retry) and {@value #TIMESTAMP} (epoch seconds), through the {@link GuardedPoster} (the address
 * the {@link OutboundGuard} approved is dialled, redirects are never followed).
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String SIGNATURE = "X-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TIMESTAMP = "X-Timestamp";

    /** How the failure texts name this channel. */
    static final String WHAT = "Webhook";

    private final GuardedPoster poster;
    private final ObjectMapper mapper;
    private final Clock clock;

    @Inject
    public WebhookSender(GuardedPoster poster, ObjectMapper mapper, Clock clock) {
        this.poster = poster;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure {
        byte[] body = body(message);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_KEY, message.idempotencyKey());
        headers.put(TIMESTAMP, Long.toString(clock.instant().getEpochSecond()));
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            headers.put(SIGNATURE, signature(channel.secret(), body));
        }
        poster.classify(WHAT, poster.post(WHAT, channel.address(), body, headers));
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
}
