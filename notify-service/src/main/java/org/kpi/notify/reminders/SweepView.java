package org.kpi.notify.reminders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one sweep run on request did. */
@Schema(name = "ReminderSweepResult", description = "一次巡检的结果 · What one sweep did")
public record SweepView(
        @Schema(description = "检查的到期事项数 · Due subjects looked at") int subjects,
        @Schema(description = "新建的提醒数 · Reminders created") int reminders,
        @Schema(description = "新建的投递数 · Deliveries created") int deliveries) {

    static SweepView of(ReminderSweep.SweepResult result) {
        return new SweepView(result.subjects(), result.reminders(), result.deliveries());
    }
}
