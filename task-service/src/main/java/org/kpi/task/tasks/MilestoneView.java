package org.kpi.task.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A milestone as clients see it. */
public record MilestoneView(Long id, String title, LocalDate dueDate, boolean completed,
                            OffsetDateTime completedAt) {

    static MilestoneView of(Milestone milestone) {
        return new MilestoneView(milestone.id, milestone.title, milestone.dueDate, milestone.isCompleted(),
                milestone.completedAt);
    }
}
