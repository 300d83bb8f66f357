package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Posts to a Feishu custom bot (飞书自定义机器人) as a rich-text post:
 * {@code {"msg_type":"post","content":{"post":{"zh_cn":{"title":…,"content":[[…],…]}}}}}, one
 * paragraph per body line ({@code text}; a “办理入口：url” line as a link) and the link to act on
 * as the last paragraph ({@code a}, “办理入口”). With a secret (签名校验) the body also carries
 * {@code timestamp} (epoch seconds, a string) and {@code sign}: the Base64 of HMAC-SHA256 over
 * nothing, keyed with {@code timestamp + "\n" + secret}. A request body stays under 20 KB.
 */
@ApplicationScoped
public class FeishuSender extends RobotSender {

    /** The most bytes one request body may take (Feishu: 20 KB), with room left for the signature fields. */
    static final int BODY_LIMIT = 20_000;
    /** What {@code timestamp} and {@code sign} add to a signed body, at most. */
    private static final int SIGNATURE_FIELDS = 96;

    /** 11232 frequency limited, 9499 too many requests: 100 a minute, 5 a second. */
    static final int RATE_LIMITED = 11232;
    static final int TOO_MANY_REQUESTS = 9499;
    /** How long to wait after Feishu's rate limit: its window is one minute. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(60);
    /** sign match fail or timestamp is not within one hour from current time. */
    static final int SIGNATURE_REFUSED = 19021;
    /** ip not allowed: the IP whitelist of the bot refuses this service. */
    static final int IP_REFUSED = 19022;
    /** key words not found: the message has none of the bot's keywords. */
    static final int KEYWORD_MISSING = 19024;

    @Override
    public ChannelType type() {
        return ChannelType.FEISHU;
    }

    @Override
    protected String what() {
        return "飞书机器人";
    }

    @Override
    protected int limit() {
        return BODY_LIMIT - SIGNATURE_FIELDS;
    }

    @Override
    protected int measure(Content part) {
        return json(post(part)).length;
    }

    @Override
    protected Request request(ContactChannel channel, Content part) {
        ObjectNode body = mapper.createObjectNode();
        if (signed(channel)) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", sign(timestamp, channel.secret()));
        }
        body.setAll(post(part));
        return new Request(channel.address(), json(body));
    }

    /** Feishu's 签名校验: Base64 of HMAC-SHA256 over an empty message, keyed with {@code timestamp + "\n" + secret}. */
    static String sign(long timestampSeconds, String secret) {
        return hmacSha256Base64((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /** {@code msg_type} and {@code content} of the post. */
    private ObjectNode post(Content part) {
        ObjectNode post = mapper.createObjectNode();
        post.put("msg_type", "post");
        ObjectNode zhCn = post.putObject("content").putObject("post").putObject("zh_cn");
        zhCn.put("title", part.title());
        ArrayNode paragraphs = zhCn.putArray("content");
        if (!part.body().isEmpty()) {
            for (String line : part.body().split("\n", -1)) {
                ArrayNode paragraph = paragraphs.addArray();
                Matcher link = LINK_LINE.matcher(line);
                if (link.matches()) {
                    if (!link.group(1).isEmpty()) {
                        paragraph.addObject().put("tag", "text").put("text", link.group(1));
                    }
                    paragraph.addObject().put("tag", "a").put("text", LINK_LABEL).put("href", link.group(2));
                } else {
                    paragraph.addObject().put("tag", "text").put("text", line);
                }
            }
        }
        if (part.link() != null) {
            paragraphs.addArray().addObject().put("tag", "a").put("text", LINK_LABEL).put("href", part.link());
        }
        return post;
    }

    @Override
    protected String codeField() {
        return "code";
    }

    @Override
    protected String messageField() {
        return "msg";
    }

    @Override
    protected Optional<DeliveryFailure> known(int code, String reply) {
        String quoted = quoted(code, reply);
        return switch (code) {
            case RATE_LIMITED, TOO_MANY_REQUESTS -> Optional.of(DeliveryFailure.retryAfter(
                    "飞书机器人发送过快被限流（每秒最多 5 条、每分钟最多 100 条），" + RATE_WINDOW.toSeconds() + " 秒后重试" + quoted,
                    RATE_WINDOW));
            case SIGNATURE_REFUSED -> Optional.of(DeliveryFailure.permanent(
                    "飞书机器人签名不匹配，请检查机器人密钥（机器人安全设置中“签名校验”的密钥；也可能是本服务的系统时间偏差超过 1 小时）"
                            + quoted));
            case IP_REFUSED -> Optional.of(DeliveryFailure.permanent(
                    "本服务的出口 IP 不在飞书机器人的 IP 白名单中，请在机器人安全设置中加入本服务的出口 IP" + quoted));
            case KEYWORD_MISSING -> Optional.of(DeliveryFailure.permanent(
                    "消息中没有飞书机器人安全设置里的自定义关键词，请在机器人安全设置中加入本平台消息都含有的“" + LINK_LABEL + "”"
                            + quoted));
            default -> Optional.empty();
        };
    }
}
