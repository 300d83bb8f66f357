package org.kpi.notify.policies;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The policy in force for an org unit (or the default). A unit without its own policy shows the
 * one it inherits, with {@code inheritedFrom} naming where it is set and version 0.
 */
@Schema(name = "ReminderPolicy", description = "提醒策略 · A reminder policy")
public record PolicyView(
        @Schema(description = "组织机构代码或 default · Org unit code, or default") String orgUnitCode,
        List<LadderStep> steps,
        @Schema(nullable = true) QuietHours quietHours,
        boolean digest,
        SmsRule sms,
        @Schema(nullable = true, description = "本单位未单独设置时，生效策略所在的上级代码或 default · "
                + "Where the policy in force is set, when the unit has none of its own") String inheritedFrom,
        @Schema(description = "版本；继承时为 0 · Version; 0 when inherited") long version,
        @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime updatedAt,
        @Schema(nullable = true) String updatedBy) {
}
