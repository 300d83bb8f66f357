package org.kpi.goals.assessment;

import org.junit.jupiter.api.Test;
import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine over random districts, rulebooks and periods: a total is always the sum of its lines,
 * every line is in hundredths, every line belongs to its department, and only facts of the period
 * up to the cutoff score.
 */
class ScoreEngineTest {

    private static final List<String> LEVELS = List.of("NOTICE", "URGE", "SUPERVISE", "LISTED");
    private static final List<String> KINDS = List.of("TALK", "NOTICE_CRITICISM", "ADMONITION", "ACCOUNTABILITY");
    private static final List<String> RATINGS = List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");
    private static final List<String> STATUSES = List.of("DRAFT", "ASSIGNED", "IN_PROGRESS", "CLOSURE_REQUESTED",
            "CLOSED", "CANCELLED");
    private static final List<String> PERIODS = List.of("2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q2", "2026-Q3",
            "2026-Q4");

    @Test
    void aTotalIsAlwaysTheSumOfItsLines() {
        Random random = new Random(20261124L);
        for (int round = 0; round < 500; round++) {
            Facts facts = facts(random);
            List<RuleComponent> rules = rules(random);
            AssessmentPeriod period = AssessmentPeriod.parse(PERIODS.get(random.nextInt(PERIODS.size())), 2026);
            LocalDate today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400));
            List<ScoreEngine.Card> cards = ScoreEngine.score(rules, period, today, facts);
            assertEquals(facts.units().size(), cards.size());
            Map<String, String> ownerOfFact = owners(facts);
            for (ScoreEngine.Card card : cards) {
                BigDecimal sum = card.lines().stream().map(ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.compareTo(card.total()), "round " + round + ": " + card);
                assertEquals(2, card.total().scale(), "a total in hundredths");
                for (ScoreLine line : card.lines()) {
                    assertEquals(2, line.points().scale(), line.toString());
                    assertEquals(card.unitCode(), ownerOfFact.get(line.factType() + line.factId()),
                            "a line is its own department's: " + line);
                }
            }
        }
    }

    @Test
    void factsOutsideThePeriodOrAfterTheCutoffDoNotScore() {
        Random random = new Random(7L);
        for (int round = 0; round < 200; round++) {
            Facts facts = facts(random);
            List<RuleComponent> rules = rules(random);
            AssessmentPeriod period = AssessmentPeriod.parse(PERIODS.get(random.nextInt(PERIODS.size())), 2026);
            LocalDate today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400));
            LocalDate cutoff = period.cutoff(today);
            Map<String, LocalDate> dayOfFact = days(facts);
            for (ScoreEngine.Card card : ScoreEngine.score(rules, period, today, facts)) {
                for (ScoreLine line : card.lines()) {
                    if (line.factType().equals("TARGET")) {
                        continue; // targets are scored as they stand on the cutoff
                    }
                    LocalDate day = dayOfFact.get(line.component() + line.factType() + line.factId());
                    assertTrue(day != null && period.contains(day) && !day.isAfter(cutoff),
                            line + " dated " + day + " outside " + period + " up to " + cutoff);
                }
            }
        }
    }

    @Test
    void onTimeSharesSplitTheWeightAndOverdueDeductionsStopAtTheCap() {
        Facts facts = new Facts(List.of(new Facts.Unit("D1", "一局")), List.of(),
                List.of(task(1, "D1", "CLOSED", "2026-03-10", "2026-03-09"),
                        task(2, "D1", "CLOSED", "2026-03-20", "2026-03-25"),
                        task(3, "D1", "IN_PROGRESS", "2026-03-30", null)),
                List.of(), List.of(), List.of(), List.of());
        List<RuleComponent> rules = List.of(
                new RuleComponent(Component.TASK_ON_TIME, null, null, new BigDecimal("10"), null, null, null, null),
                new RuleComponent(Component.OVERDUE_DAYS, null, null, null, null, null, new BigDecimal("0.3"),
                        new BigDecimal("1")));
        ScoreEngine.Card card = ScoreEngine.score(rules, AssessmentPeriod.parse("2026-Q1", 2026),
                LocalDate.of(2026, 4, 15), facts).get(0);
        // 10 ÷ 3 = 3.33 for the one on time; 5 days × 0.3 = 1.5 capped at 1; 1 day (to 31 March) × 0.3
        assertEquals(List.of("TASK_ON_TIME 1 3.33", "TASK_ON_TIME 2 0.00", "TASK_ON_TIME 3 0.00",
                "OVERDUE_DAYS 2 -1.00", "OVERDUE_DAYS 3 -0.30"), card.lines().stream()
                .map(l -> l.component() + " " + l.factId() + " " + l.points()).toList());
        assertEquals(new BigDecimal("2.03"), card.total());
    }

    @Test
    void fullMarksAreTheWeightWhateverTheDivisionAndLessIsBetterRatiosStopAtTheCommittedValue() {
        List<Facts.TaskFact> tasks = List.of(task(1, "D1", "CLOSED", "2026-03-10", "2026-03-09"),
                task(2, "D1", "CLOSED", "2026-03-11", "2026-03-10"), task(3, "D1", "CLOSED", "2026-03-12", "2026-03-12"));
        Facts facts = new Facts(List.of(new Facts.Unit("D1", "一局")),
                List.of(new Facts.TargetFact(7, "D1", "ACC", "事故起数", Colour.BLUE, 0.5, false, true),
                        new Facts.TargetFact(8, "D1", "ACC2", "投诉件数", Colour.RED, 1.3, false, true),
                        new Facts.TargetFact(9, "D1", "GDP", "增速", Colour.YELLOW, 0.8, false, false)),
                tasks, List.of(), List.of(), List.of(), List.of());
        List<RuleComponent> rules = List.of(
                new RuleComponent(Component.TASK_ON_TIME, null, null, new BigDecimal("10"), null, null, null, null),
                new RuleComponent(Component.TARGET_COMPLETION, null, "RATIO", new BigDecimal("10"), null, null, null, null));
        ScoreEngine.Card card = ScoreEngine.score(rules, AssessmentPeriod.parse("2026-Q1", 2026),
                LocalDate.of(2026, 4, 15), facts).get(0);
        // 3.33 + 3.34 + 3.33 = 10; fewer accidents than committed is full marks, 30% over loses 30%
        assertEquals(List.of("TASK_ON_TIME 1 3.33", "TASK_ON_TIME 2 3.34", "TASK_ON_TIME 3 3.33",
                "TARGET_COMPLETION 7 10.00", "TARGET_COMPLETION 8 7.00", "TARGET_COMPLETION 9 8.00"),
                card.lines().stream().map(l -> l.component() + " " + l.factId() + " " + l.points()).toList());
        assertEquals(new BigDecimal("35.00"), card.total());
    }

    @Test
    void anOrderDueOnThePeriodsLastDayAndNeverAnsweredIsLateOnceThatDayIsOver() {
        Facts facts = new Facts(List.of(new Facts.Unit("D1", "一局")), List.of(), List.of(),
                List.of(new Facts.OrderFact(1, "D1", "督办", "URGE", LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 31),
                        null)), List.of(), List.of(), List.of());
        List<RuleComponent> rules = List.of(
                new RuleComponent(Component.LATE_RESPONSES, null, null, new BigDecimal("-0.5"), null, null, null, null));
        AssessmentPeriod q1 = AssessmentPeriod.parse("2026-Q1", 2026);
        assertEquals(0, ScoreEngine.score(rules, q1, LocalDate.of(2026, 3, 31), facts).get(0).lines().size());
        assertEquals(new BigDecimal("-0.50"), ScoreEngine.score(rules, q1, LocalDate.of(2026, 4, 1), facts).get(0).total());
    }

    private static Facts.TaskFact task(long id, String unit, String status, String due, String closed) {
        return new Facts.TaskFact(id, unit, "任务" + id, status, LocalDate.parse(due),
                closed == null ? null : LocalDate.parse(closed));
    }

    private static Facts facts(Random random) {
        int unitCount = 1 + random.nextInt(6);
        List<Facts.Unit> units = new ArrayList<>();
        for (int i = 0; i < unitCount; i++) {
            units.add(new Facts.Unit("D" + i, "部门" + i));
        }
        // some facts belong to a unit outside the district: they must never score
        Supplier<String> unit = () -> random.nextInt(10) == 0 ? "OTHER" : "D" + random.nextInt(unitCount);
        Supplier<LocalDate> day = () -> LocalDate.of(2025, 12, 1).plusDays(random.nextInt(420));
        List<Facts.TargetFact> targets = new ArrayList<>();
        List<Facts.TaskFact> tasks = new ArrayList<>();
        List<Facts.OrderFact> orders = new ArrayList<>();
        List<Facts.AccountabilityFact> records = new ArrayList<>();
        List<Facts.RatingFact> ratings = new ArrayList<>();
        List<Facts.AdjustmentFact> adjustments = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            targets.add(new Facts.TargetFact(i, unit.get(), "I" + random.nextInt(3), "指标" + i,
                    Colour.values()[random.nextInt(3)], random.nextBoolean() ? null : random.nextDouble() * 1.5,
                    random.nextBoolean(), random.nextBoolean()));
        }
        for (int i = random.nextInt(40); i > 0; i--) {
            LocalDate due = day.get();
            tasks.add(new Facts.TaskFact(i, unit.get(), "任务" + i, STATUSES.get(random.nextInt(STATUSES.size())), due,
                    random.nextBoolean() ? null : due.plusDays(random.nextInt(40) - 20)));
        }
        for (int i = random.nextInt(15); i > 0; i--) {
            LocalDate issued = day.get();
            orders.add(new Facts.OrderFact(i, unit.get(), "督办" + i, LEVELS.get(random.nextInt(4)), issued,
                    issued.plusDays(random.nextInt(10)), random.nextBoolean() ? null : issued.plusDays(random.nextInt(20))));
        }
        for (int i = random.nextInt(6); i > 0; i--) {
            records.add(new Facts.AccountabilityFact(i, unit.get(), KINDS.get(random.nextInt(4)), "原因" + i, day.get()));
        }
        for (int i = random.nextInt(10); i > 0; i--) {
            ratings.add(new Facts.RatingFact("r" + i, i, unit.get(), "任务" + i, RATINGS.get(random.nextInt(3)), day.get()));
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            adjustments.add(new Facts.AdjustmentFact(i, unit.get(),
                    BigDecimal.valueOf(random.nextInt(2000) - 1000, 2), "理由" + i, day.get()));
        }
        return new Facts(units, targets, tasks, orders, records, ratings, adjustments);
    }

    private static List<RuleComponent> rules(Random random) {
        List<RuleComponent> rules = new ArrayList<>();
        for (Component c : Component.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            Map<String, BigDecimal> points = new HashMap<>();
            Rulebooks.keys(c).forEach(k -> points.put(k, amount(random)));
            Map<String, BigDecimal> weights = c == Component.TARGET_COMPLETION && random.nextBoolean()
                    ? Map.of("I0", amount(random)) : null;
            rules.add(new RuleComponent(c, null, c == Component.TARGET_COMPLETION && random.nextBoolean() ? "RATIO" : null,
                    amount(random), weights, points, amount(random).abs(), random.nextBoolean() ? amount(random).abs() : null));
        }
        return rules;
    }

    /** Up to ±50 with up to three decimals: shares and products that do not round evenly. */
    private static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(random.nextInt(100_000) - 50_000, 3);
    }

    private static Map<String, String> owners(Facts f) {
        Map<String, String> owners = new HashMap<>();
        f.targets().forEach(t -> owners.put("TARGET" + t.id(), t.unitCode()));
        f.tasks().forEach(t -> owners.put("TASK" + t.id(), t.unitCode()));
        f.orders().forEach(o -> owners.put("ORDER" + o.id(), o.unitCode()));
        f.accountability().forEach(a -> owners.put("ACCOUNTABILITY" + a.id(), a.unitCode()));
        f.ratings().forEach(r -> owners.put("RATING" + r.id(), r.unitCode()));
        f.adjustments().forEach(a -> owners.put("ADJUSTMENT" + a.id(), a.unitCode()));
        return owners;
    }

    /** The day each fact is dated by, per component that scores it. */
    private static Map<String, LocalDate> days(Facts f) {
        Map<String, LocalDate> days = new HashMap<>();
        f.tasks().forEach(t -> {
            days.put("TASK_ON_TIMETASK" + t.id(), t.dueDate());
            days.put("OVERDUE_DAYSTASK" + t.id(), t.dueDate());
        });
        f.orders().forEach(o -> {
            days.put("SUPERVISION_ORDERSORDER" + o.id(), o.issuedOn());
            days.put("LATE_RESPONSESORDER" + o.id(), o.respondBy());
        });
        f.accountability().forEach(a -> days.put("ACCOUNTABILITYACCOUNTABILITY" + a.id(), a.recordedOn()));
        f.ratings().forEach(r -> days.put("SATISFACTIONRATING" + r.id(), r.ratedOn()));
        f.adjustments().forEach(a -> days.put("ADJUSTMENTSADJUSTMENT" + a.id(), a.effectiveOn()));
        return days;
    }
}
