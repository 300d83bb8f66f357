package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The test message on one channel.
 *
 * @param type    the channel
 * @param address its address (empty for the inbox)
 * @param result  whether the peer accepted it
 * @param error   why not, in the words a delivery's {@code lastError} uses; null when sent
 */
@Schema(description = "一个渠道的测试结果 · The test message on one channel")
public record TestSendResult(ChannelType type,
                             @Schema(description = "地址；INBOX 为空字符串 · Address; empty for the inbox") String address,
                             TestSendOutcome result,
                             @Schema(nullable = true, description = "失败原因（中文，说明如何处理），成功时为 null · "
                                     + "Why it failed and what to do, in Chinese; null when sent") String error) {
}
