package org.kpi.notify.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.ChannelSender;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.messages.MessageSplitter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the group robots (群机器人: DingTalk, WeCom, Feishu) have in common: the message is taken
 * apart into a title, body lines and the link to act on, put into the robot's own format, split
 * into numbered parts (“（1/3）”) when it is longer than the robot takes, and posted part after
 * part through the {@link GuardedPoster}. Every robot answers HTTP 200 with an error code in the
 * body: only code 0 is delivered; rate limits wait the robot's window, configuration errors (bad
 * signature, keyword, IP whitelist, unknown robot) fail for good with a text that says what to
 * fix, anything else is retried with back-off.
 *
 * <p>Robots take no idempotency key. When a later part fails after earlier parts were accepted,
 * the retry posts every part again, so the group may see the earlier parts twice.
 */
abstract class RobotSender implements ChannelSender {

    /** The label of the link to act on, in the messages the renderers write and in the robots' formats. */
    static final String LINK_LABEL = "办理入口";

    /** A line that is nothing but a link to act on, as the templates write it: “办理入口：https://…”. */
    static final Pattern LINK_LINE = Pattern.compile("^(\\s*)" + LINK_LABEL + "：(https?://\\S+)\\s*$");

    /** The longest a robot's own error message is quoted in a failure text. */
    private static final int QUOTED_REPLY = 80;

    /** The widest part number a title is given room for while splitting. */
    private static final String WIDEST_PART = "（99/99）";

    /** The smallest byte budget per part worth trying; below it the format's overhead leaves no room. */
    private static final int MIN_BUDGET = 64;

    @Inject
    GuardedPoster poster;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** One request of one part: where to post and what. */
    protected record Request(String address, byte[] body) {
    }

    /** The message in a robot's terms: a title, body lines (title and final link line taken out), the link. */
    protected record Content(String title, String body, String link) {
    }

    /** How failure texts name the robot, e.g. “钉钉机器人”. */
    protected abstract String what();

    /** The most UTF-8 bytes one message may take, measured as {@link #measure(Content)} does. */
    protected abstract int limit();

    /** The size, in UTF-8 bytes, of the part of the request the robot limits. */
    protected abstract int measure(Content part);

    /** The request that posts {@code part} to {@code channel}, signed when the channel has a secret. */
    protected abstract Request request(ContactChannel channel, Content part) throws DeliveryFailure;

    /** The field of the reply that holds the error code ({@code errcode}, {@code code}). */
    protected abstract String codeField();

    /** The field of the reply that holds the robot's error message. */
    protected abstract String messageField();

    /** The failure a non-zero code stands for when it is a rate limit or a configuration error; empty for others. */
    protected abstract Optional<DeliveryFailure> known(int code, String reply);

    /** The number of parts {@code message} is posted in: each counts against the robot's rate limit. */
    @Override
    public int posts(OutboundMessage message) {
        return parts(content(message)).size();
    }

    @Override
    public void send(ContactChannel channel, OutboundMessage message) throws DeliveryFailure {
        for (Content part : parts(content(message))) {
            Request request = request(channel, part);
            check(poster.post(what(), request.address(), request.body(), Map.of()));
        }
    }

    /** {@code message} taken apart: the first line dropped when it repeats the title, the last when it is the link. */
    static Content content(OutboundMessage message) {
        List<String> lines = new ArrayList<>(Arrays.asList(message.text().strip().split("\n", -1)));
        if (!lines.isEmpty() && lines.get(0).strip().equals(message.title().strip())) {
            lines.remove(0);
        }
        if (message.link() != null && !lines.isEmpty()
                && lines.get(lines.size() - 1).strip().equals(LINK_LABEL + "：" + message.link())) {
            lines.remove(lines.size() - 1);
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return new Content(message.title().strip(), String.join("\n", lines), message.link());
    }

    /**
     * {@code content} as one part when it fits the robot's limit; else its body split by bytes into
     * parts that each fit, titled “（1/n）” … in order.
     */
    List<Content> parts(Content content) {
        if (measure(content) <= limit()) {
            return List.of(content);
        }
        int budget = limit() - measure(new Content(content.title() + WIDEST_PART, "", content.link()));
        while (budget >= MIN_BUDGET) {
            List<String> bodies = MessageSplitter.split(content.body(), budget);
            List<Content> parts = new ArrayList<>();
            int excess = 0;
            for (int i = 0; i < bodies.size(); i++) {
                Content part = new Content(content.title() + "（" + (i + 1) + "/" + bodies.size() + "）", bodies.get(i),
                        content.link());
                excess = Math.max(excess, measure(part) - limit());
                parts.add(part);
            }
            if (excess <= 0) {
                return parts;
            }
            // the format adds some bytes per line (markup, JSON): try again with less room per part
            budget -= Math.max(excess, MessageSplitter.MIN_BYTES);
        }
        throw new IllegalStateException("The title and link of a " + what() + " message leave no room for its text");
    }

    /** Nothing when the robot accepted the post; otherwise the failure its answer means. */
    void check(GuardedPoster.Answer answer) throws DeliveryFailure {
        JsonNode reply = readable(answer.body());
        JsonNode codeNode = reply == null ? null : reply.get(codeField());
        Integer code = codeNode != null && codeNode.isIntegralNumber() ? codeNode.intValue() : null;
        String text = reply == null || reply.get(messageField()) == null ? "" : reply.get(messageField()).asText("");
        if (code != null && code != 0) {
            Optional<DeliveryFailure> failure = known(code, text);
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
        poster.classify(what(), answer);
        if (code == null) {
            throw DeliveryFailure.retry(what() + "的应答无法识别（HTTP " + answer.status() + "："
                    + shorten(answer.text()) + "），稍后重试", null);
        }
        if (code != 0) {
            throw DeliveryFailure.retry(what() + "返回错误" + quoted(code, text) + "，稍后重试", null);
        }
    }

    /** “（错误码 310000：sign not match…）”: the robot's own code and message, shortened. */
    protected static String quoted(int code, String reply) {
        String text = shorten(reply);
        return "（错误码 " + code + (text.isEmpty() ? "" : "：" + text) + "）";
    }

    /** Markdown for a body line: “办理入口：url” becomes a link named 办理入口. */
    static String markdownLine(String line) {
        Matcher link = LINK_LINE.matcher(line);
        return link.matches() ? link.group(1) + "[" + LINK_LABEL + "](" + link.group(2) + ")" : line;
    }

    /** Base64 of HMAC-SHA256 of {@code data} under {@code key}. */
    static String hmacSha256Base64(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the channel signs: it has a non-empty secret. */
    static boolean signed(ContactChannel channel) {
        return channel.secret() != null && !channel.secret().isEmpty();
    }

    protected byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A robot message is plain JSON", e);
        }
    }

    private JsonNode readable(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= QUOTED_REPLY ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, QUOTED_REPLY)) + "…";
    }
}
