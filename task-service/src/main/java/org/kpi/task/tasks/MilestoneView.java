package org.kpi.task.tasks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A milestone as clients see it. */
@Schema(description = "任务节点 · A milestone of a task")
public record MilestoneView(Long id, String title, LocalDate dueDate, boolean completed,
                            @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime completedAt) {

    static MilestoneView of(Milestone milestone) {
        return new MilestoneView(milestone.id, milestone.title, milestone.dueDate, milestone.isCompleted(),
                milestone.completedAt);
    }
}
