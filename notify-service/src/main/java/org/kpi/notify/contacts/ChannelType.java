package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a message reaches an org unit (渠道). Every unit has {@link #INBOX} implicitly; the group
 * robots and SMS come with notify-service part 2.
 */
@Schema(description = "渠道：INBOX 站内信、EMAIL 电子邮件、WEBHOOK 通用 Webhook（JSON，HMAC 签名）、"
        + "DINGTALK 钉钉群机器人、WECOM 企业微信群机器人、FEISHU 飞书群机器人、SMS 短信 · "
        + "Channel: in-app inbox, e-mail, generic webhook (JSON, HMAC-signed), DingTalk, WeCom and Feishu group "
        + "robots, SMS")
public enum ChannelType {
    INBOX,
    EMAIL,
    WEBHOOK,
    DINGTALK,
    WECOM,
    FEISHU,
    SMS;

    /** Whether the channel signs its messages with a secret the unit sets. */
    public boolean signed() {
        return this == WEBHOOK || this == DINGTALK || this == FEISHU;
    }
}
