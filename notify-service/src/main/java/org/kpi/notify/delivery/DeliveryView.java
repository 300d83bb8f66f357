package org.kpi.notify.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.notify.contacts.ChannelType;

import java.time.OffsetDateTime;

/**
 * A delivery as the API shows it. The address is left out: a webhook URL may carry a token, and
 * who is reached on which address is the contacts' business.
 */
@Schema(name = "Delivery", description = "投递记录：一条提醒在一个渠道上的发送（不含地址） · "
        + "A delivery: one reminder sent on one channel (its address is not shown)")
public record DeliveryView(
        @Schema(description = "投递编号 · Delivery id") long id,
        @Schema(description = "所属提醒编号 · The reminder it sends") long reminderId,
        DeliveryStatus status,
        ChannelType channel,
        @Schema(description = "接收单位代码 · The recipient unit") String orgUnitCode,
        @Schema(description = "消息标题 · Message title") String title,
        @Schema(description = "已尝试发送的次数 · Attempts made") int attempts,
        @Schema(nullable = true, description = "最近一次失败的原因 · Why the last attempt failed") String lastError,
        @Schema(description = "下次（或首次）发送时间 · When it is (next) due to be sent") OffsetDateTime nextAttemptAt,
        @Schema(nullable = true, description = "送达时间 · When it was delivered") OffsetDateTime sentAt,
        @Schema(description = "创建时间 · When it was created") OffsetDateTime createdAt,
        @Schema(description = "版本，每次状态变化加一 · Version, raised by every change") long version) {
}
