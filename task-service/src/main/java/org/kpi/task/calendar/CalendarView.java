package org.kpi.task.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A year's working-day calendar. */
@Schema(description = "一年的工作日历：法定节假日与调休上班日 · A year's holidays and exchanged working weekends")
public record CalendarView(
        int year,
        @Schema(description = "放假的日子（法定节假日及调休放假的工作日） · Days off") List<LocalDate> holidays,
        @Schema(description = "调休上班的周六、周日 · Weekend days worked") List<LocalDate> workdays,
        @Schema(description = "false：尚未载入，只按周一至周五计算 · false until loaded: Monday to Friday only")
        boolean loaded,
        long version) {
}
