package org.kpi.task.drafts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A dated step of a draft: {@code 8月份拉出单子} is 拉出单子 by 31 Aug. */
@Schema(description = "草稿的节点 · A milestone of a draft")
public record DraftMilestone(
        @NotBlank(message = "节点名称不能为空") @Size(max = 300, message = "节点名称最长 300 个字符") String title,
        @NotNull(message = "节点时限不能为空") LocalDate dueDate) {
}
