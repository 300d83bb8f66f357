package org.kpi.notify.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A message in a unit's in-app inbox (站内信). */
@Schema(name = "InboxMessage", description = "站内信：发给本单位的一条提醒或通知 · A message in the unit's in-app inbox")
public record InboxMessageView(
        @Schema(description = "站内信编号 · Message id") long id,
        @Schema(description = "标题 · Title") String title,
        @Schema(description = "正文 · Text") String body,
        @Schema(description = "在控制台中办理的地址 · Where to act on it in the web console") String link,
        @Schema(description = "类型：提醒为升级阶梯的步骤类型 NOTICE、URGE、YELLOW、RED；事件通知为 ORDER_ISSUED、"
                + "TASK_RETURNED、CLOSURE_REQUESTED、TASK_CLOSED、ACTUAL_RETURNED、ACCOUNTABILITY_RECORDED（由发送方写入） · "
                + "Kind: a reminder's ladder step kind or a notice's kind (see Reminder.kind), as the sender wrote it")
        String kind,
        @Schema(description = "收到时间 · When it arrived") OffsetDateTime createdAt,
        @Schema(nullable = true, description = "首次阅读时间；未读为 null · When it was first read, null while unread")
        OffsetDateTime readAt,
        @Schema(nullable = true, description = "首次阅读人（令牌 sub） · Who read it first (token sub)") String readBy) {
}
