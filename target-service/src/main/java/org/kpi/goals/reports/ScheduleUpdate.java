package org.kpi.goals.reports;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /api/v1/reports/schedules/{orgUnit}/{kind}}. */
@Schema(description = "定时印发设置 · A schedule")
public record ScheduleUpdate(
        @NotNull Boolean enabled,
        @Schema(description = "周调度：星期几（1–7，5 为周五）；通报：次月几号（1–28）；分析：季后首月几号（1–28） · "
                + "Weekly: ISO day of week; monthly: day of the next month; quarterly: day of the month after the quarter")
        Integer day,
        @Schema(description = "时刻 HH:mm（北京时间） · Time of day, Asia/Shanghai", example = "16:00") String time) {
}
