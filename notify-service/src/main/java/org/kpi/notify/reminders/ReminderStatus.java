package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a reminder stands: waiting, gone out on at least one channel, withdrawn, or failed everywhere. */
@Schema(description = "PENDING 待发送、SENT 已发出（至少一个渠道）、CANCELLED 已撤回（事由已消除）、FAILED 全部渠道失败 · "
        + "Waiting, sent on at least one channel, withdrawn, failed on every channel")
public enum ReminderStatus {
    PENDING,
    SENT,
    CANCELLED,
    FAILED
}
