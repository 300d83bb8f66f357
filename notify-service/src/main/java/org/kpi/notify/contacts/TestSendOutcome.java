package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a test message fared on one channel. */
@Schema(description = "测试消息的结果：SENT 已发出（对方已接收），FAILED 失败（原因见 error） · "
        + "SENT: the peer accepted the test message; FAILED: it did not, error says why")
public enum TestSendOutcome {
    SENT,
    FAILED
}
