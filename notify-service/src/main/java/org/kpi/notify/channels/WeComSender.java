package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Posts to a WeCom group robot (企业微信群机器人) as markdown:
 * {@code {"msgtype":"markdown","markdown":{"content":…}}}, the content being the title as a
 * heading (its “【催办】” kind in the warning colour), the body lines and the link as
 * {@code [办理入口](link)}, at most 4,096 bytes. The robot's {@code key} in its URL is its only
 * credential: WeCom robots do not sign.
 */
@ApplicationScoped
public class WeComSender extends RobotSender {

    /** The most bytes WeCom takes in a markdown content. */
    static final int CONTENT_LIMIT = 4_096;

    /** api freq out of limit: more than 20 messages a minute. */
    static final int RATE_LIMITED = 45009;
    /** How long to wait after WeCom's rate limit: its window is one minute. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(60);
    /** invalid webhook url: the key names no robot (removed from the group, or mistyped). */
    static final int INVALID_WEBHOOK = 93000;

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    protected String what() {
        return "企业微信机器人";
    }

    @Override
    protected int limit() {
        return CONTENT_LIMIT;
    }

    @Override
    protected int measure(Content part) {
        return markdown(part).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    protected Request request(ContactChannel channel, Content part) {
        ObjectNode body = mapper.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", markdown(part));
        return new Request(channel.address(), json(body));
    }

    /** The title as a heading with its leading “【…】” kind coloured, the body lines, the link last. */
    static String markdown(Content part) {
        String title = part.title();
        int kindEnd = title.indexOf('】');
        if (title.startsWith("【") && kindEnd > 0) {
            title = "<font color=\"warning\">" + title.substring(0, kindEnd + 1) + "</font>" + title.substring(kindEnd + 1);
        }
        StringBuilder text = new StringBuilder("### ").append(title);
        if (!part.body().isEmpty()) {
            text.append('\n').append(Arrays.stream(part.body().split("\n", -1))
                    .map(RobotSender::markdownLine).collect(Collectors.joining("\n")));
        }
        if (part.link() != null) {
            text.append("\n[").append(LINK_LABEL).append("](").append(part.link()).append(")");
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
        return switch (code) {
            case RATE_LIMITED -> Optional.of(DeliveryFailure.retryAfter("企业微信机器人发送过快被限流（每分钟最多 20 条），"
                    + RATE_WINDOW.toSeconds() + " 秒后重试" + quoted(code, reply), RATE_WINDOW));
            case INVALID_WEBHOOK -> Optional.of(DeliveryFailure.permanent(
                    "企业微信机器人地址无效（key 不对，或机器人已被移出群聊），请在联系方式中更新机器人地址" + quoted(code, reply)));
            default -> Optional.empty();
        };
    }
}
