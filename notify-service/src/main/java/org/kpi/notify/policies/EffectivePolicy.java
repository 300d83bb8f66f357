package org.kpi.notify.policies;

/**
 * The policy that applies to an org unit: its own, else its nearest ancestor's, else the default.
 *
 * @param source     the scope the policy was set on: a unit's code or {@code default}
 * @param ladder     the escalation ladder
 * @param quietHours when messages are held; {@code null} for none
 * @param digest     whether the unit's messages of a day are merged into one per channel
 * @param sms        which reminders go by SMS, and how many a day
 */
public record EffectivePolicy(String source, EscalationLadder ladder, QuietHours quietHours, boolean digest,
                              SmsRule sms) {
}
