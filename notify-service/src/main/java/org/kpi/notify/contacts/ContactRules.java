package org.kpi.notify.contacts;

import org.kpi.common.problem.FieldError;
import org.kpi.common.web.TextRules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a unit's list of channels may hold, as a plain rule set: addresses of the right shape per
 * channel, no channel twice, secrets only where something signs with them, and no webhook aimed
 * at an IP literal the outbound guard refuses.
 */
public final class ContactRules {

    /** The most channels one unit may have. */
    public static final int MAX_CHANNELS = 20;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 2000;

    private static final Pattern PHONE = Pattern.compile("(\\+86)?1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private ContactRules() {
    }

    /**
     * The field errors of {@code channels} (each named like {@code channels[1].address}).
     *
     * @param literalRefusal why a host written as an IP literal may not be called, empty if it may
     */
    public static List<FieldError> check(List<ChannelRequest> channels, Function<String, Optional<String>> literalRefusal) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelRequest channel = channels.get(i);
            String field = "channels[" + i + "]";
            String address = channel.address() == null ? "" : channel.address();
            String addressProblem = TextRules.problemWith(address, true);
            if (addressProblem != null) {
                errors.add(new FieldError(field + ".address", addressProblem));
                continue;
            }
            if (channel.secret() != null) {
                String secretProblem = TextRules.problemWith(channel.secret(), true);
                if (secretProblem != null) {
                    errors.add(new FieldError(field + ".secret", secretProblem));
                }
            }
            String problem = switch (channel.type()) {
                case INBOX -> address.isEmpty() ? null : "站内信渠道不需要地址，请留空";
                case EMAIL -> emailProblem(address);
                case WEBHOOK -> webhookProblem(address, literalRefusal);
                case DINGTALK, WECOM, FEISHU -> robotProblem(channel.type(), address, literalRefusal);
                case SMS -> phoneProblem(address);
            };
            if (problem != null) {
                errors.add(new FieldError(field + ".address", problem));
            }
            if (!channel.type().signed() && channel.secret() != null && !channel.secret().isEmpty()) {
                errors.add(new FieldError(field + ".secret", "只有 WEBHOOK、DINGTALK 和 FEISHU 渠道使用签名密钥"));
            }
            if (!seen.add(channel.type() + " " + address)) {
                errors.add(new FieldError(field, "与前面的渠道重复（类型和地址相同）"));
            }
        }
        return errors;
    }

    /** A mainland mobile number: 11 digits starting with 1, optionally after +86. */
    static String phoneProblem(String address) {
        if (address.isEmpty()) {
            return "短信渠道需要手机号码";
        }
        if (!PHONE.matcher(address).matches()) {
            return "不是合法的手机号码，例如 13800138000";
        }
        return null;
    }

    static String emailProblem(String address) {
        if (address.isEmpty()) {
            return "电子邮件渠道需要邮箱地址";
        }
        if (address.length() > MAX_EMAIL) {
            return "邮箱地址不能超过 " + MAX_EMAIL + " 个字符";
        }
        int at = address.lastIndexOf('@');
        if (!EMAIL.matcher(address).matches() || at > 64) {
            return "不是合法的邮箱地址，例如 duchashi@example.gov.cn";
        }
        return null;
    }

    static String webhookProblem(String address, Function<String, Optional<String>> literalRefusal) {
        if (address.isEmpty()) {
            return "Webhook 渠道需要 http(s) 地址";
        }
        if (address.length() > MAX_URL) {
            return "Webhook 地址不能超过 " + MAX_URL + " 个字符";
        }
        return urlProblem(address, "https://hooks.example.gov.cn/kpi", literalRefusal);
    }

    /** A group robot's address (机器人地址): the webhook URL the robot's settings show, with its token or key. */
    static String robotProblem(ChannelType type, String address, Function<String, Optional<String>> literalRefusal) {
        String robot = switch (type) {
            case DINGTALK -> "钉钉机器人";
            case WECOM -> "企业微信机器人";
            default -> "飞书机器人";
        };
        String example = switch (type) {
            case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=…";
            case WECOM -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…";
            default -> "https://open.feishu.cn/open-apis/bot/v2/hook/…";
        };
        if (address.isEmpty()) {
            return robot + "渠道需要机器人地址，即群设置里机器人的 Webhook 地址，例如 " + example;
        }
        if (address.length() > MAX_URL) {
            return "机器人地址不能超过 " + MAX_URL + " 个字符";
        }
        return urlProblem(address, example, literalRefusal);
    }

    private static String urlProblem(String address, String example, Function<String, Optional<String>> literalRefusal) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return "不是合法的网址，例如 " + example;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return "只支持 http 或 https 开头的完整网址，例如 " + example;
        }
        if (uri.getRawUserInfo() != null) {
            return "网址中不能包含用户名或密码，请改用签名密钥";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "网址缺少主机名，例如 " + example;
        }
        return literalRefusal.apply(uri.getHost()).map(reason -> "不允许的目标地址：" + reason).orElse(null);
    }
}
