package org.kpi.task.instructions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kpi.task.tasks.Rating;
import org.kpi.task.tasks.TaskStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The feedback report on an instruction (办理情况反馈): what each task's closure summary said,
 * for the leader who wrote it. While tasks are open it shows where they stand.
 */
@Schema(description = "批示件办理情况反馈：每项任务的办结情况 · What became of an instruction, task by task")
public record InstructionFeedback(
        long instructionId,
        String leaderName,
        String leaderUnitCode,
        LocalDate instructedOn,
        String documentTitle,
        @Schema(nullable = true) String documentNumber,
        String text,
        InstructionStatus status,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime doneAt,
        @Schema(description = "反馈正文（按任务逐项） · The report's text, one paragraph per task") String report,
        List<Item> items) {

    /** One task of the instruction and what its lead unit reported on closing it. */
    @Schema(name = "InstructionFeedbackItem", description = "一项任务的办理情况 · One task and its closure")
    public record Item(
            long taskId,
            String title,
            String leadUnitCode,
            String leadUnitName,
            TaskStatus status,
            @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime closedAt,
            @Schema(nullable = true, description = "办结情况（申请办结时的说明） · The closure summary")
            String closureSummary,
            @Schema(nullable = true) Rating rating) {
    }
}
