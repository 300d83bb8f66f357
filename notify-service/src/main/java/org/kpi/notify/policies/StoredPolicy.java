package org.kpi.notify.policies;

import java.time.OffsetDateTime;
import java.util.List;

/** A row of {@code reminder_policy}: the policy set on one scope (an org unit or {@code default}). */
public record StoredPolicy(String scopeCode, List<LadderStep> steps, QuietHours quietHours, boolean digest,
                           SmsRule sms, long version, OffsetDateTime updatedAt, String updatedBy) {

    EffectivePolicy effective() {
        return new EffectivePolicy(scopeCode, new EscalationLadder(steps), quietHours, digest, sms);
    }
}
