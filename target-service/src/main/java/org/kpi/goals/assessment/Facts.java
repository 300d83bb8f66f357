package org.kpi.goals.assessment;

import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a scorecard is computed from, for the departments of one org unit and year. */
public record Facts(List<Unit> units, List<TargetFact> targets, List<TaskFact> tasks, List<OrderFact> orders,
                    List<AccountabilityFact> accountability, List<RatingFact> ratings,
                    List<AdjustmentFact> adjustments) {

    /** A department assessed. */
    public record Unit(String code, String name) {
    }

    /** A target a department answers for, as it stands on the period's cutoff. */
    public record TargetFact(long id, String unitCode, String indicatorCode, String title, Colour colour,
                             Double completionRatio, boolean stretchReached, boolean lowerIsBetter) {
    }

    public record TaskFact(long id, String unitCode, String title, String status, LocalDate dueDate,
                           LocalDate closedOn) {
    }

    public record OrderFact(long id, String unitCode, String title, String level, LocalDate issuedOn,
                            LocalDate respondBy, LocalDate respondedOn) {
    }

    public record AccountabilityFact(long id, String unitCode, String kind, String reason, LocalDate recordedOn) {
    }

    public record RatingFact(String id, long taskId, String unitCode, String title, String rating, LocalDate ratedOn) {
    }

    public record AdjustmentFact(long id, String unitCode, BigDecimal points, String reason, LocalDate effectiveOn) {
    }
}
