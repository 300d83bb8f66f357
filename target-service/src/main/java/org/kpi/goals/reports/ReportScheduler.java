package org.kpi.goals.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kpi.common.jobs.JobClaims;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Issues the scheduled documents (定时印发). Every minute each enabled schedule is asked for its
 * latest time due; when that time is past, came after the schedule was last set, and its period has
 * no document yet, the document is issued — once, however many replicas run this: the run is
 * claimed in {@code job_run} under the unit, kind and period, and the archive keeps one document per
 * period. A run missed while every replica was down is made up at the next firing.
 */
@ApplicationScoped
public class ReportScheduler {

    /** The job's name in {@code job_run}; runs are keyed "unit|kind|period". */
    public static final String JOB = "report-issue";
    private static final Logger LOG = Logger.getLogger(ReportScheduler.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ReportSchedules schedules;

    @Inject
    ReportArchive archive;

    @Inject
    JobClaims jobs;

    @Inject
    OrgTree tree;

    @Inject
    Clock clock;

    @Scheduled(every = "${kpi.reports.schedule-every}", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            identity = JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int issued = runDue();
        if (issued > 0) {
            LOG.infof("Scheduled documents issued: %d", issued);
        }
    }

    /** Issues every document that is due and not yet issued; returns how many this replica issued. */
    public int runDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        int issued = 0;
        for (ReportSchedules.Schedule s : QuarkusTransaction.requiringNew().call(schedules::enabled)) {
            LocalDateTime due = s.latestRunAtOrBefore(now);
            if (due.isBefore(s.updatedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime())) {
                continue;
            }
            ReportPeriod period = s.periodOf(due.toLocalDate());
            OrgUnit org = QuarkusTransaction.requiringNew().call(() -> tree.find(s.orgUnitCode()).orElse(null));
            if (org == null || QuarkusTransaction.requiringNew().call(() -> archive.exists(org.code, period))) {
                continue;
            }
            try {
                Optional<Boolean> done = jobs.runOnce(JOB, org.code + "|" + period.kind() + "|" + period.key(), LEASE,
                        () -> archive.issue(org, period, "schedule").isPresent());
                issued += done.orElse(false) ? 1 : 0;
            } catch (RuntimeException e) {
                // the claim is released: the next firing, here or on another replica, tries again
                LOG.errorf(e, "Scheduled %s of %s for %s failed", period.kind(), org.code, period.key());
            }
        }
        return issued;
    }
}
