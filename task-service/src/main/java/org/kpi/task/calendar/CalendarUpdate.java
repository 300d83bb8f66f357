package org.kpi.task.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A year's calendar, replaced as a whole. */
@Schema(description = "一年的工作日历（整体替换） · A year's calendar, replaced as a whole")
public record CalendarUpdate(
        @NotNull(message = "必填") @Size(max = 60, message = "最多 60 天")
        List<@NotNull(message = "日期不能为空") LocalDate> holidays,
        @NotNull(message = "必填") @Size(max = 20, message = "最多 20 天")
        List<@NotNull(message = "日期不能为空") LocalDate> workdays,
        @Schema(nullable = true, description = "所依据的版本（可代替 If-Match） · The version this change is based on")
        Long version) {
}
