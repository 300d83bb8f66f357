package org.kpi.goals.progress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpi.goals.indicators.Direction;
import org.kpi.goals.indicators.IndicatorKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every kind × direction × boundary of the progress and colour rules, one row each. */
class ProgressRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                        | kind        | direction        | committed | stretch | plan             | tol  | approved | actual | due     | colour | completion | expected | stretch reached | overdue
            cumulative exactly on schedule at half-year  | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | 2026-06  | 60     | 2026-06 | BLUE   | 0.5        | 0.5      | false | false
            cumulative ahead of schedule                 | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | 2026-06  | 66     | 2026-06 | BLUE   | 0.55       | 0.5      | false | false
            cumulative behind by exactly the tolerance   | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | 2026-06  | 48     | 2026-06 | YELLOW | 0.4        | 0.5      | false | false
            cumulative behind just beyond the tolerance  | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | 2026-06  | 47.9   | 2026-06 | RED    | 0.3992     | 0.5      | false | false
            cumulative missing report counts as lag      | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | 2026-05  | 50     | 2026-06 | YELLOW | 0.4167     | 0.5      | false | true
            cumulative nothing reported but due          | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | -        | -      | 2026-02 | RED    | 0.0        | 0.1667   | false | true
            cumulative nothing due yet                   | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | -                | 0.10 | -        | -      | -       | BLUE   | 0.0        | 0.0      | false | false
            cumulative meets its half-year plan          | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | 2026-H1=48       | 0.10 | 2026-06  | 48     | 2026-06 | BLUE   | 0.4        | 0.4      | false | false
            cumulative plan interpolated in Q1           | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | 2026-H1=72       | 0.10 | 2026-03  | 30     | 2026-03 | YELLOW | 0.25       | 0.3      | false | false
            cumulative plan after last checkpoint        | CUMULATIVE  | HIGHER_IS_BETTER | 120       | -       | 2026-H1=72       | 0.10 | 2026-09  | 96     | 2026-09 | BLUE   | 0.8        | 0.8      | false | false
            cumulative stretch reached                   | CUMULATIVE  | HIGHER_IS_BETTER | 120       | 150     | -                | 0.10 | 2026-10  | 150    | 2026-10 | BLUE   | 1.25       | 0.8333   | true  | false
            cumulative quarterly on schedule             | CUMULATIVE  | HIGHER_IS_BETTER | 200       | -       | -                | 0.10 | 2026-Q3  | 150    | 2026-Q3 | BLUE   | 0.75       | 0.75     | false | false
            cumulative lower-better on schedule          | CUMULATIVE  | LOWER_IS_BETTER  | 12        | -       | -                | 0.10 | 2026-06  | 6      | 2026-06 | BLUE   | 0.5        | 0.5      | false | false
            cumulative lower-better within tolerance     | CUMULATIVE  | LOWER_IS_BETTER  | 12        | -       | -                | 0.10 | 2026-06  | 7.2    | 2026-06 | YELLOW | 0.6        | 0.5      | false | false
            cumulative lower-better beyond tolerance     | CUMULATIVE  | LOWER_IS_BETTER  | 12        | -       | -                | 0.10 | 2026-06  | 7.3    | 2026-06 | RED    | 0.6083     | 0.5      | false | false
            cumulative lower-better well under           | CUMULATIVE  | LOWER_IS_BETTER  | 12        | -       | -                | 0.10 | 2026-06  | 3      | 2026-06 | BLUE   | 0.25       | 0.5      | false | false
            cumulative lower-better stretch at year end  | CUMULATIVE  | LOWER_IS_BETTER  | 12        | 10      | -                | 0.10 | 2026-12  | 9      | 2026-12 | BLUE   | 0.75       | 1.0      | true  | false
            cumulative lower-better stretch not yet      | CUMULATIVE  | LOWER_IS_BETTER  | 12        | 10      | -                | 0.10 | 2026-06  | 3      | 2026-06 | BLUE   | 0.25       | 0.5      | false | false
            growth on target                             | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | 2026-09  | 6.5    | 2026-09 | BLUE   | 1.0        | 1.0      | false | false
            growth above target                          | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | 2026-09  | 7.0    | 2026-09 | BLUE   | 1.0769     | 1.0      | false | false
            growth below by exactly the tolerance        | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | 2026-09  | 5.85   | 2026-09 | YELLOW | 0.9        | 1.0      | false | false
            growth below beyond the tolerance            | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | 2026-09  | 5.8    | 2026-09 | RED    | 0.8923     | 1.0      | false | false
            growth negative target beaten                | GROWTH_RATE | HIGHER_IS_BETTER | -2.0      | -       | -                | 0.10 | 2026-09  | -1.0   | 2026-09 | BLUE   | 1.5        | 1.0      | false | false
            growth negative target missed                | GROWTH_RATE | HIGHER_IS_BETTER | -2.0      | -       | -                | 0.10 | 2026-09  | -2.3   | 2026-09 | RED    | 0.85       | 1.0      | false | false
            growth held to the plan for the period       | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | 2026-06=5.0      | 0.10 | 2026-06  | 5.0    | 2026-06 | BLUE   | 1.0        | 1.0      | false | false
            growth latest month overdue                  | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | 2026-08  | 6.6    | 2026-09 | BLUE   | 1.0154     | 1.0      | false | true
            growth nothing approved but due              | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | -        | -      | 2026-01 | RED    | -          | 1.0      | false | true
            growth nothing due yet                       | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | -       | -                | 0.10 | -        | -      | -       | BLUE   | -          | 1.0      | false | false
            growth stretch reached                       | GROWTH_RATE | HIGHER_IS_BETTER | 6.5       | 7.0     | -                | 0.10 | 2026-09  | 7.2    | 2026-09 | BLUE   | 1.1077     | 1.0      | true  | false
            growth lower-better beaten                   | GROWTH_RATE | LOWER_IS_BETTER  | -3.0      | -       | -                | 0.10 | 2026-09  | -3.5   | 2026-09 | BLUE   | 1.1667     | 1.0      | false | false
            growth lower-better by exactly the tolerance | GROWTH_RATE | LOWER_IS_BETTER  | -3.0      | -       | -                | 0.10 | 2026-09  | -2.7   | 2026-09 | YELLOW | 0.9        | 1.0      | false | false
            growth lower-better beyond tolerance         | GROWTH_RATE | LOWER_IS_BETTER  | -3.0      | -       | -                | 0.10 | 2026-09  | -2.6   | 2026-09 | RED    | 0.8667     | 1.0      | false | false
            level at exactly a custom tolerance          | LEVEL       | HIGHER_IS_BETTER | 95        | -       | -                | 0.02 | 2026-10  | 93.1   | 2026-10 | YELLOW | 0.98       | 1.0      | false | false
            level beyond a custom tolerance              | LEVEL       | HIGHER_IS_BETTER | 95        | -       | -                | 0.02 | 2026-10  | 93     | 2026-10 | RED    | 0.9789     | 1.0      | false | false
            level above target with stretch              | LEVEL       | HIGHER_IS_BETTER | 95        | 98      | -                | 0.02 | 2026-10  | 98.5   | 2026-10 | BLUE   | 1.0368     | 1.0      | true  | false
            level zero target met                        | LEVEL       | HIGHER_IS_BETTER | 0         | -       | -                | 0.10 | 2026-10  | 0      | 2026-10 | BLUE   | 1.0        | 1.0      | false | false
            level lower-better on target                 | LEVEL       | LOWER_IS_BETTER  | 35        | -       | -                | 0.10 | 2026-10  | 35     | 2026-10 | BLUE   | 1.0        | 1.0      | false | false
            level lower-better within tolerance          | LEVEL       | LOWER_IS_BETTER  | 35        | -       | -                | 0.10 | 2026-10  | 38.5   | 2026-10 | YELLOW | 0.9        | 1.0      | false | false
            level lower-better beyond tolerance          | LEVEL       | LOWER_IS_BETTER  | 35        | -       | -                | 0.10 | 2026-10  | 39     | 2026-10 | RED    | 0.8857     | 1.0      | false | false
            level lower-better stretch reached           | LEVEL       | LOWER_IS_BETTER  | 35        | 32      | -                | 0.10 | 2026-10  | 31     | 2026-10 | BLUE   | 1.1143     | 1.0      | true  | false
            """)
    void evaluates(String name, IndicatorKind kind, Direction direction, BigDecimal committed, BigDecimal stretch,
                   String plan, double tolerance, String approved, BigDecimal actual, String due,
                   Colour colour, Double completion, Double expected, boolean stretchReached, boolean overdue) {
        ProgressInput input = new ProgressInput(kind, direction, committed, stretch, plan(plan), tolerance,
                approved == null ? null : Period.parse(approved), actual, due == null ? null : Period.parse(due));

        ProgressResult result = ProgressRule.evaluate(input);

        assertAll(name,
                () -> assertEquals(colour, result.colour(), "colour"),
                () -> assertEquals(completion, result.completionRatio(), "completionRatio"),
                () -> assertEquals(expected, result.expectedRatio(), "expectedRatio"),
                () -> assertEquals(stretchReached, result.stretchReached(), "stretchReached"),
                () -> assertEquals(overdue, result.actualsOverdue(), "actualsOverdue"),
                () -> assertEquals(approved, result.latestPeriod(), "latestPeriod"));
    }

    private static List<PlanPoint> plan(String text) {
        List<PlanPoint> points = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split(";")) {
                String[] parts = entry.split("=");
                points.add(new PlanPoint(Period.parse(parts[0]), new BigDecimal(parts[1])));
            }
        }
        return points;
    }
}
