package org.kpi.notify.policies;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;

/**
 * Hours in which messages are held (免打扰时段), as {@code HH:mm} in Asia/Shanghai; a window may
 * cross midnight (22:00–07:30). Messages falling inside wait for its end; none is dropped.
 */
@Schema(description = "免打扰时段（北京时间 HH:mm，可跨午夜），其间的消息推迟到结束时发送 · "
        + "Quiet hours (HH:mm, Asia/Shanghai, may cross midnight); messages wait for their end")
public record QuietHours(
        @NotNull(message = "必填") @Pattern(regexp = TIME, message = "应为 HH:mm 格式的时间，例如 22:00")
        @Schema(example = "22:00", pattern = TIME) String start,
        @NotNull(message = "必填") @Pattern(regexp = TIME, message = "应为 HH:mm 格式的时间，例如 07:30")
        @Schema(example = "07:30", pattern = TIME) String end) {

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public LocalTime startTime() {
        return LocalTime.parse(start);
    }

    public LocalTime endTime() {
        return LocalTime.parse(end);
    }
}
