package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A channel as the API shows it: the secret only as whether one is set. */
@Schema(description = "一个渠道（密钥不返回） · One channel, its secret never shown")
public record ChannelView(ChannelType type,
                          @Schema(description = "地址；INBOX 为空字符串 · Address; empty for the inbox") String address,
                          @Schema(description = "是否已设置签名密钥 · Whether a signing secret is set") boolean secretSet) {

    static ChannelView of(ContactChannel channel) {
        return new ChannelView(channel.type(), channel.address(), channel.secret() != null);
    }
}
