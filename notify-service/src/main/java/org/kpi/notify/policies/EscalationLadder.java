package org.kpi.notify.policies;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An escalation ladder (升级阶梯): steps ordered by their offset from the due date. On any day
 * exactly one step is current — the latest whose day has come — so a subject that enters the
 * ladder late gets the current step at once and never the ones it superseded.
 */
public final class EscalationLadder {

    private final List<LadderStep> steps;

    public EscalationLadder(List<LadderStep> steps) {
        this.steps = steps.stream().sorted(Comparator.comparing(LadderStep::offsetDays)).toList();
    }

    public List<LadderStep> steps() {
        return steps;
    }

    /** The step current {@code daysFromDue} days after the due date (negative before), if any has come. */
    public Optional<LadderStep> currentStep(long daysFromDue) {
        LadderStep current = null;
        for (LadderStep step : steps) {
            if (step.offsetDays() <= daysFromDue) {
                current = step;
            }
        }
        return Optional.ofNullable(current);
    }

    /** Whether {@code step} is the last of the ladder: once it fired, nothing more is to come. */
    public boolean isLast(LadderStep step) {
        return !steps.isEmpty() && steps.get(steps.size() - 1).offsetDays().equals(step.offsetDays());
    }

    /** The earliest offset, i.e. how many days before a due date the ladder starts (≤ 0 when it starts before). */
    public int firstOffset() {
        return steps.isEmpty() ? 0 : steps.get(0).offsetDays();
    }

    /**
     * The ladder for a periodic duty (a weekly or monthly report, a period's actual): nothing before
     * the due day, a notice to the unit that owes it on the day, then the steps after the due day.
     */
    public EscalationLadder forPeriodicDuty() {
        List<LadderStep> after = steps.stream().filter(s -> s.offsetDays() > 0).toList();
        List<LadderStep> duty = new java.util.ArrayList<>();
        duty.add(new LadderStep(0, StepKind.NOTICE, List.of(NotifyParty.LEAD)));
        duty.addAll(after);
        return new EscalationLadder(duty);
    }
}
