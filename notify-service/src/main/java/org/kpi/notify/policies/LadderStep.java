package org.kpi.notify.policies;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One step of an escalation ladder: {@code offsetDays} from the due date (negative before it),
 * how loud, and whom it reaches ({@code notify} in JSON: the name is taken by {@link Object#notify()}).
 */
@Schema(description = "升级阶梯的一步 · One step of the escalation ladder")
public record LadderStep(
        @NotNull(message = "必填") @Min(value = -60, message = "不能早于到期前 60 天")
        @Max(value = 60, message = "不能晚于到期后 60 天")
        @Schema(description = "相对到期日的天数，负数为到期前 · Days from the due date, negative before it",
                minimum = "-60", maximum = "60")
        Integer offsetDays,
        @NotNull(message = "必填") StepKind kind,
        @NotEmpty(message = "至少通知一方") @Size(max = 4, message = "最多 4 方")
        @JsonProperty("notify") @Schema(description = "通知对象 · Who is told")
        List<@NotNull(message = "不能为空") NotifyParty> parties) {
}
