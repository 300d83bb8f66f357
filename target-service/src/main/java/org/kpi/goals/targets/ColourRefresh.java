package org.kpi.goals.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.kpi.common.jobs.JobClaims;
import org.kpi.common.problem.ProblemMappers;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.progress.ProgressService;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Colours move with time even when nobody reports: a period falls due, the expected share of the
 * year grows. Once a day every target of the current and the previous year is recoloured, and
 * each change goes on the feed as {@code target.status-changed}.
 *
 * <p>The day's run is claimed in the database ({@link JobClaims}), so it happens once however many
 * replicas fire; the schedule fires hourly, so a run whose replica died is taken over after its
 * lease. Each target is recoloured in its own transaction: a target that a user changed meanwhile
 * (an optimistic-lock conflict) is skipped — the user's write recoloured it — and the rest go on.
 */
@ApplicationScoped
public class ColourRefresh {

    /** The job's name in {@code job_run}; its runs are keyed by the business date. */
    public static final String JOB = "target-colour-refresh";

    private static final Logger LOG = Logger.getLogger(ColourRefresh.class);

    /** Settings of the daily colour refresh. */
    @ConfigMapping(prefix = "kpi.colour-refresh")
    public interface Config {
        /** When the scheduler fires (Asia/Shanghai); the first firing of a day does the day's run. */
        @WithDefault("0 10 * * * ?")
        String cron();

        /** How long a claimed run may take before another replica may take it over. */
        @WithDefault("PT30M")
        Duration lease();

        /** Targets listed per read while collecting the work. */
        @WithDefault("1000")
        int pageSize();
    }

    @Inject
    EntityManager em;

    @Inject
    TargetService targets;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgressService progress;

    @Inject
    JobClaims jobs;

    @Inject
    Config config;

    @Scheduled(cron = "${kpi.colour-refresh.cron:0 10 * * * ?}", timeZone = "Asia/Shanghai",
            identity = JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDaily(progress.today()).ifPresent(result ->
                LOG.infof("Daily colour refresh: %s", result));
    }

    /** Does the run of {@code asOf} unless it is done or running elsewhere; empty in that case. */
    public Optional<Result> runDaily(LocalDate asOf) {
        return jobs.runOnce(JOB, asOf.toString(), config.lease(), () -> refresh(asOf));
    }

    /** Recolours every target of {@code asOf}'s year and the one before. */
    public Result refresh(LocalDate asOf) {
        return recolour(targetsOf(asOf), asOf);
    }

    /**
     * Recolours the targets of one indicator at once, after the indicator changed (its tolerance,
     * say). A target skipped by a conflict keeps its colour until the daily run.
     */
    public Result recolourIndicator(String indicatorCode, LocalDate asOf) {
        List<TargetRef> refs = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select new org.kpi.goals.targets.ColourRefresh$TargetRef(t.id, t.version, t.indicatorCode) from Target t"
                                + " where t.indicatorCode = :indicator and t.year >= :year order by t.id", TargetRef.class)
                .setParameter("indicator", indicatorCode)
                .setParameter("year", (short) (asOf.getYear() - 1))
                .getResultList());
        return recolour(refs, asOf);
    }

    /** The targets a run of {@code asOf} covers, with the version each had when listed. */
    public List<TargetRef> targetsOf(LocalDate asOf) {
        List<TargetRef> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<TargetRef> page = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select new org.kpi.goals.targets.ColourRefresh$TargetRef(t.id, t.version, t.indicatorCode) from Target t"
                                    + " where t.id > :after and t.year >= :year order by t.id", TargetRef.class)
                    .setParameter("after", from)
                    .setParameter("year", (short) (asOf.getYear() - 1))
                    .setMaxResults(config.pageSize())
                    .getResultList());
            all.addAll(page);
            if (page.size() < config.pageSize()) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Recolours {@code refs} one transaction each. A target changed since it was listed, or while
     * it is being recoloured, is counted as a conflict and left as its writer left it.
     */
    public Result recolour(List<TargetRef> refs, LocalDate asOf) {
        // the run reads each indicator once; the rules only read them
        Map<String, Indicator> catalogue = QuarkusTransaction.requiringNew().call(() ->
                indicators.byCode(refs.stream().map(TargetRef::indicatorCode).distinct().toList()));
        int changed = 0;
        int conflicts = 0;
        int failed = 0;
        for (TargetRef ref : refs) {
            try {
                Boolean result = QuarkusTransaction.requiringNew().call(
                        () -> recolourOne(ref, catalogue.get(ref.indicatorCode()), asOf));
                if (result == null) {
                    conflicts++;
                } else if (result) {
                    changed++;
                }
            } catch (RuntimeException e) {
                if (isConflict(e)) {
                    conflicts++;
                } else {
                    failed++;
                    LOG.errorf(e, "Colour refresh: target %d could not be recoloured", ref.id());
                }
            }
        }
        return new Result(refs.size(), changed, conflicts, failed);
    }

    /** True when the colour changed, false when not, {@code null} when the target moved on since it was listed. */
    private Boolean recolourOne(TargetRef ref, Indicator indicator, LocalDate asOf) {
        Target target = em.find(Target.class, ref.id());
        if (target == null || target.version != ref.version()) {
            return null;
        }
        boolean changed = targets.recolour(target, indicator, asOf);
        em.flush();
        return changed;
    }

    private static boolean isConflict(Throwable e) {
        return ProblemMappers.causeOf(e, OptimisticLockException.class) != null
                || ProblemMappers.causeOf(e, StaleStateException.class) != null;
    }

    /** A target as listed for a run: its id, the version it had then, and its indicator. */
    public record TargetRef(long id, long version, String indicatorCode) {
    }

    /**
     * What a run did.
     *
     * @param targets   targets looked at
     * @param changed   targets whose colour changed (each published as {@code target.status-changed})
     * @param conflicts targets skipped because a user changed them meanwhile
     * @param failed    targets that could not be recoloured (logged with the cause)
     */
    public record Result(int targets, int changed, int conflicts, int failed) {
    }
}
