package org.kpi.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a scheduled job's run happen once however many replicas run it: the run (a job name and
 * a key such as the day) is claimed by inserting a row in {@code job_run}; whoever inserts it does
 * the work. A claim whose holder died before finishing can be taken over once its lease has run
 * out, so schedule jobs more often than they need to run (e.g. hourly for a daily run): the first
 * firing after the lease does the work, every later one finds it done.
 *
 * <p>{@code concurrentExecution = SKIP} on {@code @Scheduled} only prevents overlap inside one
 * process; this is what prevents it across processes.
 */
@ApplicationScoped
public class JobClaims {

    private static final Logger LOG = Logger.getLogger(JobClaims.class);
    private static final int MAX_OUTCOME = 500;

    /** Who claims: this process, told apart from other replicas on the same host. */
    static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Claims run {@code runKey} of {@code job} for {@code lease}; true when this caller is to do
     * the work, false when the run is finished or another holder's lease is still running.
     */
    public boolean claim(String job, String runKey, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        insert into job_run (job, run_key, holder, claimed_at, lease_until)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (job, run_key) do update
                           set holder = excluded.holder, claimed_at = excluded.claimed_at,
                               lease_until = excluded.lease_until
                         where job_run.finished_at is null and job_run.lease_until < excluded.claimed_at""")
                .setParameter(1, job)
                .setParameter(2, runKey)
                .setParameter(3, HOLDER)
                .setParameter(4, now)
                .setParameter(5, now.plus(lease))
                .executeUpdate() == 1);
    }

    /** Marks a claimed run done, with a short line on what it did. */
    public void finish(String job, String runKey, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set finished_at = ?1, outcome = ?2 where job = ?3 and run_key = ?4 and holder = ?5")
                .setParameter(1, OffsetDateTime.now(clock))
                .setParameter(2, outcome == null || outcome.length() <= MAX_OUTCOME ? outcome : outcome.substring(0, MAX_OUTCOME))
                .setParameter(3, job)
                .setParameter(4, runKey)
                .setParameter(5, HOLDER)
                .executeUpdate());
    }

    /** Gives a claimed run up at once (the work failed), so the next firing anywhere may retry it. */
    public void release(String job, String runKey) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set lease_until = claimed_at where job = ?1 and run_key = ?2 and holder = ?3 and finished_at is null")
                .setParameter(1, job)
                .setParameter(2, runKey)
                .setParameter(3, HOLDER)
                .executeUpdate());
    }

    /**
     * Runs {@code work} if this caller claims the run; returns its result, or empty when the run
     * was done or is being done elsewhere. A failure releases the claim and is rethrown.
     */
    public <T> Optional<T> runOnce(String job, String runKey, Duration lease, Supplier<T> work) {
        if (!claim(job, runKey, lease)) {
            LOG.debugf("Job %s run %s: done or running elsewhere", job, runKey);
            return Optional.empty();
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            release(job, runKey);
            throw e;
        }
        finish(job, runKey, String.valueOf(result));
        return Optional.ofNullable(result);
    }
}
