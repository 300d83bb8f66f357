package org.kpi.task.instructions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.task.tasks.TaskView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A leader instruction with where it stands and, in the detail view, every task made from it that
 * the caller may see (a department sees its own).
 */
@Schema(description = "领导批示件及其办理情况 · A leader instruction and where its tasks stand")
public record InstructionView(
        long id,
        String orgUnitCode,
        String leaderName,
        String leaderUnitCode,
        LocalDate instructedOn,
        String documentTitle,
        @Schema(nullable = true) String documentNumber,
        String text,
        InstructionStatus status,
        @Schema(description = "由此产生的任务数 · Tasks made from it") int taskCount,
        @Schema(description = "其中已销号 · Of which closed") int closedCount,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "办结时间（最后一项任务销号） · When the last task was closed, once done") OffsetDateTime doneAt,
        String createdBy,
        OffsetDateTime createdAt,
        long version,
        @Schema(nullable = true, description = "详情中为由此产生的任务（本人可见的），列表中为 null · The tasks, in the detail view")
        List<TaskView> tasks) {
}
