package org.kpi.goals.assessment;

import org.kpi.goals.progress.Colour;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the departments of an org unit for a period under a rulebook: every fact that a
 * component applies to becomes a line with its points (rounded to hundredths), and a
 * department's total is the sum of its lines — by construction, whatever the rules. Facts count
 * in the period when their date (a task's due date, an order's issue or answer-by date, a
 * record's, a rating's, an adjustment's) lies in it and is not after the cutoff (today while the
 * period runs). Pure: no clock, no database.
 */
public final class ScoreEngine {

    private static final Set<String> NOT_HANDED_OUT = Set.of("DRAFT", "CANCELLED");
    private static final Map<String, BigDecimal> COLOUR_FACTORS = Map.of(
            Colour.BLUE.name(), BigDecimal.ONE, Colour.YELLOW.name(), new BigDecimal("0.6"), Colour.RED.name(),
            BigDecimal.ZERO);
    private static final Map<String, String> LEVELS = Map.of("NOTICE", "提醒", "URGE", "催办", "SUPERVISE", "督办",
            "LISTED", "挂牌督办");
    private static final Map<String, String> KINDS = Map.of("TALK", "约谈", "NOTICE_CRITICISM", "通报批评",
            "ADMONITION", "诫勉", "ACCOUNTABILITY", "问责");
    private static final Map<String, String> RATINGS = Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意",
            "UNSATISFIED", "不满意");
    private static final Map<String, String> COLOURS = Map.of("BLUE", "蓝色", "YELLOW", "黄色", "RED", "红色");

    private ScoreEngine() {
    }

    /** A department's score: its lines and their sum. */
    public record Card(String unitCode, String name, BigDecimal total, List<ScoreLine> lines) {
    }

    public static List<Card> score(List<RuleComponent> rules, AssessmentPeriod period, LocalDate today, Facts facts) {
        LocalDate cutoff = period.cutoff(today);
        Map<String, List<ScoreLine>> lines = new LinkedHashMap<>();
        facts.units().forEach(u -> lines.put(u.code(), new ArrayList<>()));
        for (RuleComponent rule : rules) {
            switch (rule.component()) {
                case TARGET_COMPLETION -> targets(rule, facts, lines);
                case STRETCH_BONUS -> stretch(rule, facts, lines);
                case TASK_ON_TIME -> onTime(rule, period, cutoff, facts, lines);
                case OVERDUE_DAYS -> overdue(rule, period, cutoff, facts, lines);
                case SUPERVISION_ORDERS -> orders(rule, period, cutoff, facts, lines);
                case LATE_RESPONSES -> lateResponses(rule, period, cutoff, today, facts, lines);
                case ACCOUNTABILITY -> accountability(rule, period, cutoff, facts, lines);
                case SATISFACTION -> ratings(rule, period, cutoff, facts, lines);
                case ADJUSTMENTS -> adjustments(rule, period, cutoff, facts, lines);
            }
        }
        List<Card> cards = new ArrayList<>();
        for (Facts.Unit unit : facts.units()) {
            List<ScoreLine> own = lines.get(unit.code());
            BigDecimal total = own.stream().map(ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.UNNECESSARY);
            cards.add(new Card(unit.code(), unit.name(), total, List.copyOf(own)));
        }
        return cards;
    }

    private static void targets(RuleComponent rule, Facts facts, Map<String, List<ScoreLine>> lines) {
        boolean ratio = "RATIO".equals(rule.mode());
        for (Facts.TargetFact t : facts.targets()) {
            BigDecimal weight = rule.weights() != null && rule.weights().containsKey(t.indicatorCode())
                    ? rule.weights().get(t.indicatorCode()) : rule.weight();
            if (weight == null || !lines.containsKey(t.unitCode())) {
                continue;
            }
            BigDecimal factor;
            String text;
            if (ratio) {
                double r = ratioFactor(t);
                factor = BigDecimal.valueOf(r);
                text = "完成率 " + BigDecimal.valueOf(r * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString() + "% × " + plain(weight) + " 分";
            } else {
                String colour = t.colour() == null ? Colour.RED.name() : t.colour().name();
                factor = rule.points() != null && rule.points().containsKey(colour) ? rule.points().get(colour)
                        : COLOUR_FACTORS.get(colour);
                text = COLOURS.get(colour) + " " + plain(factor) + " × " + plain(weight) + " 分";
            }
            add(lines, t.unitCode(), rule, text, "TARGET", Long.toString(t.id()), t.title(), weight.multiply(factor));
        }
    }

    /**
     * The RATIO factor, between 0 and 1: the completion ratio for a target where more is better;
     * where less is better (accidents, complaints), 1 at or under the committed value, less by
     * as much as the actual exceeds it.
     */
    private static double ratioFactor(Facts.TargetFact t) {
        if (t.completionRatio() == null) {
            return 0;
        }
        double r = t.lowerIsBetter() ? 2 - Math.max(1, t.completionRatio()) : t.completionRatio();
        return Math.max(0, Math.min(1, r));
    }

    private static void stretch(RuleComponent rule, Facts facts, Map<String, List<ScoreLine>> lines) {
        for (Facts.TargetFact t : facts.targets()) {
            if (t.stretchReached() && lines.containsKey(t.unitCode())) {
                add(lines, t.unitCode(), rule, "达到力争目标 +" + plain(rule.weight()) + " 分", "TARGET",
                        Long.toString(t.id()), t.title(), rule.weight());
            }
        }
    }

    private static void onTime(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                               Map<String, List<ScoreLine>> lines) {
        Map<String, List<Facts.TaskFact>> due = new LinkedHashMap<>();
        for (Facts.TaskFact t : facts.tasks()) {
            if (counts(t, period, cutoff) && lines.containsKey(t.unitCode())) {
                due.computeIfAbsent(t.unitCode(), k -> new ArrayList<>()).add(t);
            }
        }
        due.forEach((unit, tasks) -> {
            // each on-time task earns what the running total gains when rounded: the shares add up to
            // the weight × the rate exactly (full marks are the weight), however the division rounds
            BigDecimal n = BigDecimal.valueOf(tasks.size());
            int earned = 0;
            for (Facts.TaskFact t : tasks) {
                boolean onTime = t.closedOn() != null && !t.closedOn().isAfter(t.dueDate());
                BigDecimal points = BigDecimal.ZERO;
                if (onTime) {
                    BigDecimal before = share(rule.weight(), earned, n);
                    earned++;
                    points = share(rule.weight(), earned, n).subtract(before);
                }
                String text = (onTime ? "按期办结" : "未按期办结") + "：" + plain(rule.weight()) + " 分 ÷ " + tasks.size()
                        + " 项" + (onTime ? "" : " × 0");
                add(lines, unit, rule, text, "TASK", Long.toString(t.id()), t.title(), points);
            }
        });
    }

    /** {@code weight × k ÷ n}, rounded to hundredths. */
    private static BigDecimal share(BigDecimal weight, int k, BigDecimal n) {
        return weight.multiply(BigDecimal.valueOf(k)).divide(n, 2, RoundingMode.HALF_UP);
    }

    private static void overdue(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                                Map<String, List<ScoreLine>> lines) {
        for (Facts.TaskFact t : facts.tasks()) {
            if (!counts(t, period, cutoff) || !lines.containsKey(t.unitCode())) {
                continue;
            }
            LocalDate end = t.closedOn() == null || t.closedOn().isAfter(cutoff) ? cutoff : t.closedOn();
            long days = ChronoUnit.DAYS.between(t.dueDate(), end);
            if (days <= 0) {
                continue;
            }
            BigDecimal off = rule.perDay().multiply(BigDecimal.valueOf(days));
            boolean capped = rule.cap() != null && off.compareTo(rule.cap()) > 0;
            String text = "逾期 " + days + " 天 × " + plain(rule.perDay()) + " 分" + (capped ? "（上限 " + plain(rule.cap())
                    + " 分）" : "");
            add(lines, t.unitCode(), rule, text, "TASK", Long.toString(t.id()), t.title(),
                    (capped ? rule.cap() : off).negate());
        }
    }

    private static void orders(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                               Map<String, List<ScoreLine>> lines) {
        for (Facts.OrderFact o : facts.orders()) {
            BigDecimal points = rule.points().get(o.level());
            if (points != null && within(o.issuedOn(), period, cutoff) && lines.containsKey(o.unitCode())) {
                add(lines, o.unitCode(), rule, LEVELS.getOrDefault(o.level(), o.level()) + " " + signed(points) + " 分/件",
                        "ORDER", Long.toString(o.id()), o.title(), points);
            }
        }
    }

    private static void lateResponses(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, LocalDate today,
                                      Facts facts, Map<String, List<ScoreLine>> lines) {
        for (Facts.OrderFact o : facts.orders()) {
            if (!within(o.respondBy(), period, cutoff) || !lines.containsKey(o.unitCode())) {
                continue;
            }
            // not answered and past its day as of today (an order due on the period's last day counts once that day is over)
            boolean late = o.respondedOn() == null ? o.respondBy().isBefore(today) : o.respondedOn().isAfter(o.respondBy());
            if (late) {
                add(lines, o.unitCode(), rule, (o.respondedOn() == null ? "逾期未反馈" : "逾期反馈") + " " + signed(rule.weight())
                        + " 分/件", "ORDER", Long.toString(o.id()), o.title(), rule.weight());
            }
        }
    }

    private static void accountability(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                                       Map<String, List<ScoreLine>> lines) {
        for (Facts.AccountabilityFact a : facts.accountability()) {
            BigDecimal points = rule.points().get(a.kind());
            if (points != null && within(a.recordedOn(), period, cutoff) && lines.containsKey(a.unitCode())) {
                add(lines, a.unitCode(), rule, KINDS.getOrDefault(a.kind(), a.kind()) + " " + signed(points) + " 分/次",
                        "ACCOUNTABILITY", Long.toString(a.id()), a.reason(), points);
            }
        }
    }

    private static void ratings(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                                Map<String, List<ScoreLine>> lines) {
        for (Facts.RatingFact r : facts.ratings()) {
            BigDecimal points = rule.points().get(r.rating());
            if (points != null && within(r.ratedOn(), period, cutoff) && lines.containsKey(r.unitCode())) {
                add(lines, r.unitCode(), rule, RATINGS.getOrDefault(r.rating(), r.rating()) + " " + signed(points) + " 分",
                        "RATING", r.id(), r.title(), points);
            }
        }
    }

    private static void adjustments(RuleComponent rule, AssessmentPeriod period, LocalDate cutoff, Facts facts,
                                    Map<String, List<ScoreLine>> lines) {
        for (Facts.AdjustmentFact a : facts.adjustments()) {
            if (within(a.effectiveOn(), period, cutoff) && lines.containsKey(a.unitCode())) {
                add(lines, a.unitCode(), rule, (a.points().signum() < 0 ? "扣分 " : "加分 ") + signed(a.points()) + " 分",
                        "ADJUSTMENT", Long.toString(a.id()), a.reason(), a.points());
            }
        }
    }

    /** A task handed out whose due date lies in the period, up to the cutoff: its outcome is known. */
    private static boolean counts(Facts.TaskFact t, AssessmentPeriod period, LocalDate cutoff) {
        return !NOT_HANDED_OUT.contains(t.status()) && within(t.dueDate(), period, cutoff);
    }

    private static boolean within(LocalDate day, AssessmentPeriod period, LocalDate cutoff) {
        return period.contains(day) && !day.isAfter(cutoff);
    }

    private static void add(Map<String, List<ScoreLine>> lines, String unit, RuleComponent rule, String text,
                            String factType, String factId, String factTitle, BigDecimal points) {
        BigDecimal rounded = points.setScale(2, RoundingMode.HALF_UP);
        String id = rule.component().name() + "-" + factType + "-" + factId;
        lines.get(unit).add(new ScoreLine(id, rule.component(), rule.displayLabel() + "：" + text, factType, factId,
                factTitle, rounded));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + plain(value);
    }
}
