package org.kpi.notify.policies;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * When reminders may go by SMS (短信), the costly channel: only on the listed steps' kinds, and at
 * most {@code dailyCap} messages a day to one unit; the rest of the day's SMS are not sent (the
 * other channels still are).
 *
 * @param kinds    the ladder kinds sent by SMS (default YELLOW and RED)
 * @param dailyCap SMS a day to one unit (default 20)
 */
@Schema(description = "短信规则：哪些级别发短信、每单位每天最多几条 · SMS rule: which kinds go by SMS, and at most how "
        + "many a day to one unit")
public record SmsRule(
        @NotNull(message = "必填") @Schema(description = "发短信的提醒级别，默认 YELLOW、RED · Kinds sent by SMS; "
                + "default YELLOW, RED", required = true) List<@NotNull(message = "不能为空") StepKind> kinds,
        @Min(value = 0, message = "不能小于 0") @Max(value = 1000, message = "不能大于 1000")
        @Schema(description = "每单位每天最多短信条数，默认 20 · SMS a day to one unit; default 20", required = true)
        int dailyCap) {

    /** YELLOW and RED, twenty a day. */
    public static final SmsRule DEFAULT = new SmsRule(List.of(StepKind.YELLOW, StepKind.RED), 20);

    /** Whether a reminder of {@code kind} (a StepKind name) may go by SMS. */
    public boolean allows(String kind) {
        return kinds.stream().anyMatch(k -> k.name().equals(kind));
    }
}
