package org.kpi.task.drafts;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The drafts of a batch to publish as DRAFT tasks. */
@Schema(description = "要发布的草稿 · The drafts to publish")
public record PublishRequest(
        @NotEmpty(message = "至少选择一个草稿") @Size(max = 500, message = "一次最多发布 500 个草稿")
        List<@NotNull(message = "草稿编号不能为空") Long> draftIds) {
}
