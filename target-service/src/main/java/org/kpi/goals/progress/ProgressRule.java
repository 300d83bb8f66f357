package org.kpi.goals.progress;

import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.IndicatorKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 序时进度 and 三色 — how far a target has come against where it should be by now.
 *
 * <p><b>Cumulative</b> indicators sum their approved periods; the completion ratio is the sum
 * over the committed value, and the expected ratio is the share of the year elapsed at the end
 * of the evaluated period — or, where the target has a plan, the plan's year-to-date value
 * there, interpolated linearly between checkpoints (0 at the start of the year, the committed
 * value at its end). The evaluated period is the later of the latest approved period and the
 * latest period whose actuals are already due, so a missing report counts as lag.
 *
 * <p><b>Growth rates and levels</b> compare the latest approved value with the target (or with
 * the plan's value for that period): the completion ratio is
 * {@code 1 + (actual − reference) / |reference|}, so 1.0 means exactly on target whatever the
 * sign of the rate; the expected ratio is 1.0.
 *
 * <p><b>Colour</b>: the gap is expected − completion (completion − expected when lower is
 * better); BLUE at or below 0, YELLOW up to the tolerance, RED beyond. A rate or level with an
 * actual due but none approved is RED.
 */
public final class ProgressRule {

    private static final double EPSILON = 1e-9;
    private static final MathContext MATH = MathContext.DECIMAL64;

    private ProgressRule() {
    }

    public static ProgressResult evaluate(ProgressInput in) {
        return in.kind() == IndicatorKind.CUMULATIVE ? cumulative(in) : pointInTime(in);
    }

    private static ProgressResult cumulative(ProgressInput in) {
        boolean lowerBetter = in.direction() == Direction.LOWER_IS_BETTER;
        BigDecimal actual = in.actual() == null ? BigDecimal.ZERO : in.actual();
        Period evaluated = later(in.latestApproved(), in.latestDue());
        double committed = in.committed().doubleValue();
        double completion = committed == 0 ? (actual.signum() == 0 ? 1.0 : 2.0) : actual.doubleValue() / committed;
        double expected = evaluated == null ? 0.0 : expectedValue(in, evaluated.endMonth()) / (committed == 0 ? 1 : committed);
        double gap = lowerBetter ? completion - expected : expected - completion;
        boolean stretchReached = false;
        if (in.stretch() != null) {
            stretchReached = lowerBetter
                    ? evaluated != null && evaluated.endMonth() == 12 && actual.compareTo(in.stretch()) <= 0
                    : actual.compareTo(in.stretch()) >= 0;
        }
        return new ProgressResult(name(in.latestApproved()), in.actual() == null ? null : actual,
                round(completion), round(expected), colour(gap, in.yellowTolerance()), stretchReached,
                overdue(in));
    }

    private static ProgressResult pointInTime(ProgressInput in) {
        boolean lowerBetter = in.direction() == Direction.LOWER_IS_BETTER;
        if (in.actual() == null || in.latestApproved() == null) {
            Colour colour = in.latestDue() == null ? Colour.BLUE : Colour.RED;
            return new ProgressResult(null, null, null, 1.0, colour, false, in.latestDue() != null);
        }
        BigDecimal reference = referenceFor(in, in.latestApproved());
        BigDecimal difference = lowerBetter ? reference.subtract(in.actual()) : in.actual().subtract(reference);
        BigDecimal scale = reference.signum() == 0 ? BigDecimal.ONE : reference.abs();
        double completion = 1.0 + difference.divide(scale, MATH).doubleValue();
        double gap = 1.0 - completion;
        boolean stretchReached = in.stretch() != null && (lowerBetter
                ? in.actual().compareTo(in.stretch()) <= 0
                : in.actual().compareTo(in.stretch()) >= 0);
        return new ProgressResult(name(in.latestApproved()), in.actual(), round(completion), 1.0,
                colour(gap, in.yellowTolerance()), stretchReached, overdue(in));
    }

    static Colour colour(double gap, double tolerance) {
        if (gap <= EPSILON) {
            return Colour.BLUE;
        }
        return gap <= tolerance + EPSILON ? Colour.YELLOW : Colour.RED;
    }

    /** The plan's year-to-date value at the end of {@code month}, or the committed value pro rata. */
    static double expectedValue(ProgressInput in, int month) {
        double committed = in.committed().doubleValue();
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, 0});
        in.plan().stream()
                .sorted(Comparator.comparing(PlanPoint::period))
                .forEach(p -> points.add(new double[]{p.period().endMonth(), p.value().doubleValue()}));
        if (points.get(points.size() - 1)[0] < 12) {
            points.add(new double[]{12, committed});
        }
        for (int i = 1; i < points.size(); i++) {
            double[] from = points.get(i - 1);
            double[] to = points.get(i);
            if (month <= to[0]) {
                if (to[0] == from[0]) {
                    return to[1];
                }
                return from[1] + (to[1] - from[1]) * (month - from[0]) / (to[0] - from[0]);
            }
        }
        return points.get(points.size() - 1)[1];
    }

    /** The value a rate or level is held to in {@code period}: the plan's, else the committed value. */
    static BigDecimal referenceFor(ProgressInput in, Period period) {
        return in.plan().stream()
                .filter(p -> p.period().endMonth() == period.endMonth())
                .map(PlanPoint::value)
                .findFirst()
                .orElse(in.committed());
    }

    private static boolean overdue(ProgressInput in) {
        return in.latestDue() != null
                && (in.latestApproved() == null || in.latestApproved().endMonth() < in.latestDue().endMonth());
    }

    private static Period later(Period a, Period b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.endMonth() >= b.endMonth() ? a : b;
    }

    private static String name(Period period) {
        return period == null ? null : period.toString();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
