package org.kpi.notify.contacts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of {@code POST /api/v1/contacts/{orgUnitCode}/test}: one result per channel, in the contacts' order. */
@Schema(description = "测试消息的发送结果，每个渠道一条，顺序同联系方式 · One result per channel, in the contacts' order")
public record TestSendReport(List<TestSendResult> results) {
}
