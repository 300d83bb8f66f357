package org.kpi.notify.contacts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One channel in {@code PUT /api/v1/contacts/{orgUnitCode}}.
 *
 * @param type    the channel
 * @param address an e-mail address, an http(s) URL (webhook, robot), a mobile number; empty or absent for the inbox
 * @param secret  the signing secret of a webhook, DingTalk or Feishu robot: absent or null keeps the one stored for the same
 *                type and address, {@code ""} clears it
 */
@Schema(description = "一个渠道 · One channel")
public record ChannelRequest(
        @NotNull(message = "不能为空，可选值：INBOX, EMAIL, WEBHOOK, DINGTALK, WECOM, FEISHU, SMS")
        ChannelType type,
        @Schema(nullable = true, maxLength = 2000,
                description = "EMAIL 为邮箱地址，WEBHOOK 为 http(s) 地址，DINGTALK/WECOM/FEISHU 为机器人地址（群设置里的 Webhook 地址），"
                        + "SMS 为手机号码，INBOX 留空 · E-mail address, http(s) URL, the robot's webhook URL, mobile number, "
                        + "or empty for the inbox")
        String address,
        @Size(max = 256, message = "不能超过 256 个字符")
        @Schema(nullable = true, maxLength = 256,
                description = "签名密钥（WEBHOOK、钉钉加签、飞书签名校验），只写不读：不传或 null 保留原密钥，空字符串清除 · "
                        + "Signing secret (webhook, DingTalk, Feishu), write-only: absent or null keeps the stored one, \"\" clears it")
        String secret) {
}
