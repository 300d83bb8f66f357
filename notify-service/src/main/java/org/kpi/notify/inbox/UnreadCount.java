package org.kpi.notify.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many messages of the caller's unit are unread. */
@Schema(name = "InboxUnreadCount", description = "本单位未读站内信数 · Unread messages of the caller's unit")
public record UnreadCount(@Schema(description = "未读条数 · Unread messages") long count) {
}
