package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Posts to a DingTalk custom group robot (钉钉自定义机器人) as markdown:
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}, the text being the title as a
 * heading, the body lines and the link as {@code [办理入口](link)}. With a secret (加签) the URL gets
 * {@code timestamp} (epoch milliseconds) and {@code sign}: the URL-encoded Base64 of
 * HMAC-SHA256 over {@code timestamp + "\n" + secret} keyed with the secret.
 */
@ApplicationScoped
public class DingTalkSender extends RobotSender {

    /** The most bytes DingTalk takes in a markdown text. */
    static final int TEXT_LIMIT = 20_000;

    /** 发送过快: more than 20 messages a minute; DingTalk then blocks the robot for 10 minutes. */
    static final int RATE_LIMITED = 130101;
    /** How long DingTalk blocks a robot that sent too fast. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(10);
    /** A security setting refused the message: signature, timestamp, keyword or IP whitelist (the errmsg says which). */
    static final int SECURITY_REFUSED = 310000;
    /** The access token in the robot's URL names no robot (removed, or mistyped). */
    static final int TOKEN_UNKNOWN = 300001;

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    protected String what() {
        return "钉钉机器人";
    }

    @Override
    protected int limit() {
        return TEXT_LIMIT;
    }

    @Override
    protected int measure(Content part) {
        return markdown(part).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    protected Request request(ContactChannel channel, Content part) {
        ObjectNode body = mapper.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("title", part.title()).put("text", markdown(part));
        String address = channel.address();
        if (signed(channel)) {
            long timestamp = clock.millis();
            address += (address.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign(timestamp, channel.secret()), StandardCharsets.UTF_8);
        }
        return new Request(address, json(body));
    }

    /** DingTalk's 加签: Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret}, keyed with the secret (not yet URL-encoded). */
    static String sign(long timestampMillis, String secret) {
        return hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The title as a heading, each body line its own paragraph (DingTalk joins single line breaks), the link last. */
    static String markdown(Content part) {
        StringBuilder text = new StringBuilder("#### ").append(part.title());
        if (!part.body().isEmpty()) {
            text.append("\n\n").append(Arrays.stream(part.body().split("\n", -1))
                    .map(RobotSender::markdownLine).collect(Collectors.joining("\n\n")));
        }
        if (part.link() != null) {
            text.append("\n\n[").append(LINK_LABEL).append("](").append(part.link()).append(")");
        }
        return text.toString();
    }

    @Override
    protected String codeField() {
        return "errcode";
    }

    @Override
    protected String messageField() {
        return "errmsg";
    }

    @Override
    protected Optional<DeliveryFailure> known(int code, String reply) {
        String quoted = quoted(code, reply);
        String lower = reply.toLowerCase(Locale.ROOT);
        return switch (code) {
            case RATE_LIMITED -> Optional.of(DeliveryFailure.retryAfter("钉钉机器人发送过快被限流（每分钟最多 20 条，超出后暂停 10 分钟），"
                    + RATE_WINDOW.toMinutes() + " 分钟后重试" + quoted, RATE_WINDOW));
            case TOKEN_UNKNOWN -> Optional.of(DeliveryFailure.permanent(
                    "钉钉机器人地址中的 access_token 无效（机器人可能已被移除），请在联系方式中更新机器人地址" + quoted));
            case SECURITY_REFUSED -> Optional.of(DeliveryFailure.permanent(securityRefusal(lower) + quoted));
            default -> Optional.empty();
        };
    }

    /** Which of the robot's security settings refused the message, as its errmsg tells. */
    private static String securityRefusal(String errmsg) {
        if (errmsg.contains("keyword")) {
            return "消息中没有钉钉机器人安全设置里的自定义关键词，请在机器人安全设置中加入本平台消息都含有的“"
                    + LINK_LABEL + "”，或改用加签";
        }
        if (errmsg.contains("whitelist") || errmsg.startsWith("ip ")) {
            return "本服务的出口 IP 不在钉钉机器人的 IP 白名单中，请在机器人安全设置中加入本服务的出口 IP，或改用加签";
        }
        if (errmsg.contains("timestamp")) {
            return "钉钉机器人拒绝了签名时间戳（与钉钉服务器时间相差超过 1 小时），请管理员检查本服务的系统时间";
        }
        if (errmsg.contains("sign")) {
            return "钉钉机器人签名不匹配，请检查机器人密钥（机器人安全设置中“加签”的密钥，以 SEC 开头）";
        }
        return "钉钉机器人的安全设置拒绝了消息，请检查机器人密钥、自定义关键词和 IP 白名单";
    }
}
