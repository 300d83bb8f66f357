package org.kpi.notify.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a delivery (投递) of a reminder on one channel stands. */
@Schema(description = "PENDING 待发送、SENDING 发送中、SENT 已送达、RETRYING 等待重试、DEAD 发送失败（不再自动重试）、"
        + "CANCELLED 已撤回 · Waiting, being sent, delivered, waiting to retry, failed for good, withdrawn")
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    RETRYING,
    DEAD,
    CANCELLED;

    /** Whether a supervisor may send it again at once. */
    public boolean retryable() {
        return this == DEAD || this == RETRYING;
    }
}
