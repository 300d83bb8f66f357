package org.kpi.goals.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.targets.PlanEntry;
import org.kpi.goals.targets.Target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Computes a target's progress from its stored summary of approved actuals. */
@ApplicationScoped
public class ProgressService {

    private static final TypeReference<List<PlanEntry>> PLAN = new TypeReference<>() {
    };

    @Inject
    ProgressConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private static final int DUE_CACHE_LIMIT = 10_000;
    private final Map<DueKey, Optional<Period>> dueCache = new ConcurrentHashMap<>();
    private static final int PLAN_CACHE_LIMIT = 10_000;
    private final Map<String, List<PlanPoint>> planCache = new ConcurrentHashMap<>();

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ProgressView progress(Target target, Indicator indicator, LocalDate asOf) {
        ProgressResult result = evaluate(target, indicator, asOf);
        return new ProgressView(asOf, result.latestPeriod(), result.actual(), target.committedValue,
                target.stretchValue, result.completionRatio(), result.expectedRatio(), result.colour(),
                result.stretchReached(), result.actualsOverdue());
    }

    public ProgressResult evaluate(Target target, Indicator indicator, LocalDate asOf) {
        Period latest = target.latestPeriod == null ? null : Period.parse(target.latestPeriod);
        BigDecimal actual = indicator.kind == IndicatorKind.CUMULATIVE ? target.approvedTotal : target.latestValue;
        Period due = latestDue(target.year, indicator, asOf);
        return ProgressRule.evaluate(new ProgressInput(indicator.kind, indicator.direction, target.committedValue,
                target.stretchValue, planPoints(target), tolerance(indicator), latest, actual, due));
    }

    /** {@link Period#latestDue}, remembered: a dashboard asks it for thousands of targets and a handful of indicators. */
    Period latestDue(int year, Indicator indicator, LocalDate asOf) {
        DueKey key = new DueKey(year, indicator.frequency, indicator.actualsDueDay, asOf);
        Optional<Period> due = dueCache.get(key);
        if (due == null) {
            due = Optional.ofNullable(Period.latestDue(year, indicator.frequency, indicator.actualsDueDay, asOf));
            if (dueCache.size() > DUE_CACHE_LIMIT) {
                dueCache.clear();
            }
            dueCache.put(key, due);
        }
        return due.orElse(null);
    }

    private record DueKey(int year, org.kpi.goals.indicators.Frequency frequency, int dueDay, LocalDate asOf) {
    }

    /**
     * Whether the target met its half-year mark (时间过半、任务过半): null until the period ending in
     * June is approved.
     */
    public Boolean halfYearMet(Target target, Indicator indicator) {
        if (!target.h1Reported) {
            return null;
        }
        Period june = indicator.frequency == org.kpi.goals.indicators.Frequency.MONTHLY
                ? Period.month(target.year, 6) : Period.quarter(target.year, 2);
        BigDecimal value = indicator.kind == IndicatorKind.CUMULATIVE ? target.h1Total : target.h1Value;
        ProgressResult result = ProgressRule.evaluate(new ProgressInput(indicator.kind, indicator.direction,
                target.committedValue, target.stretchValue, planPoints(target), tolerance(indicator), june, value, june));
        return result.colour() == Colour.BLUE;
    }

    public double tolerance(Indicator indicator) {
        return IndicatorService.toleranceOf(indicator, config.yellowTolerance());
    }

    public List<PlanEntry> plan(Target target) {
        try {
            return mapper.readValue(target.plan, PLAN);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plan of target " + target.id + " is not readable", e);
        }
    }

    /** The target's plan as points, parsed once per plan text: a dashboard asks it twice for each of thousands of targets. */
    public List<PlanPoint> planPoints(Target target) {
        if (target.plan == null || target.plan.equals("[]")) {
            return List.of();
        }
        List<PlanPoint> points = planCache.get(target.plan);
        if (points == null) {
            points = plan(target).stream().map(e -> new PlanPoint(Period.parse(e.period()), e.value())).toList();
            if (planCache.size() >= PLAN_CACHE_LIMIT) {
                planCache.clear();
            }
            planCache.put(target.plan, points);
        }
        return points;
    }
}
