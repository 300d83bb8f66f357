package org.kpi.task.tasks;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The assessor's rating of a task's result as it is closed (满意度), both optional. A rating of
 * {@code UNSATISFIED} needs a comment and returns the task instead of closing it.
 */
@Schema(description = "销号时的满意度评价（可省略）；UNSATISFIED 须附意见，任务退回而不销号 · The rating on closure, optional")
public record CloseRequest(
        @Schema(nullable = true) Rating rating,
        @Schema(nullable = true)
        @Size(max = 2000, message = "评价意见最长 2000 个字符")
        String comment) {
}
