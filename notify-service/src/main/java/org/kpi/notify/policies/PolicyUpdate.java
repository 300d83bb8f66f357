package org.kpi.notify.policies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A reminder policy as a client writes it. A class rather than a record because {@code quietHours}
 * has three meanings: left out (the default 22:00–07:30), {@code null} (no quiet hours) or a
 * window — and only a setter tells the first two apart.
 */
@Schema(name = "ReminderPolicyUpdate", description = "提醒策略（整体替换） · A reminder policy, replaced as a whole")
public class PolicyUpdate {

    @NotNull(message = "必填")
    @Size(min = 1, max = 20, message = "应有 1 到 20 步")
    @Valid
    @Schema(description = "升级阶梯，每步的 offsetDays 不能重复 · The ladder; offsets must differ", required = true)
    private List<@NotNull(message = "不能为空") @Valid LadderStep> steps;

    @Valid
    @Schema(description = "免打扰时段；不填为默认 22:00–07:30，null 为不设 · Quiet hours: left out for the "
            + "default 22:00–07:30, null for none", nullable = true)
    private QuietHours quietHours;

    @JsonIgnore
    private boolean quietHoursGiven;

    @Schema(description = "是否把一天的消息合并为每个渠道一条（每日汇总），默认 false · Merge a day's messages "
            + "into one per channel (daily digest); default false", nullable = true)
    private Boolean digest;

    @Valid
    @Schema(description = "短信规则；不填为默认（YELLOW、RED，每天 20 条） · SMS rule; left out for the default "
            + "(YELLOW and RED, 20 a day)", nullable = true)
    private SmsRule sms;

    @Schema(description = "所依据的版本（可代替 If-Match） · The version this change is based on (instead of If-Match)",
            nullable = true)
    private Long version;

    public List<LadderStep> getSteps() {
        return steps;
    }

    public void setSteps(List<LadderStep> steps) {
        this.steps = steps;
    }

    public QuietHours getQuietHours() {
        return quietHours;
    }

    public void setQuietHours(QuietHours quietHours) {
        this.quietHours = quietHours;
        this.quietHoursGiven = true;
    }

    /** Whether the client wrote {@code quietHours} at all (possibly as {@code null}). */
    public boolean quietHoursGiven() {
        return quietHoursGiven;
    }

    public Boolean getDigest() {
        return digest;
    }

    public void setDigest(Boolean digest) {
        this.digest = digest;
    }

    public SmsRule getSms() {
        return sms;
    }

    public void setSms(SmsRule sms) {
        this.sms = sms;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
