package org.kpi.task.tasks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.kpi.common.events.Outbox;
import org.kpi.common.jobs.JobClaims;

import java.time.Duration;
import java.util.List;

/**
 * When {@code task.upserted} grows new fields, readers that keep them (target-service's cadence
 * documents: category, linked target, when it was handed out) have them only for tasks changed
 * since. This job publishes every task's current state once — as of the payload generation named
 * by {@link #GENERATION} — with each task's current version, so readers that take an equal version
 * fill what they lacked and those that only take newer ones ignore it. The run is claimed in
 * {@code job_run}, so it happens once however many replicas start.
 */
@ApplicationScoped
public class TaskRepublish {

    /** The job's name in {@code job_run}. */
    public static final String JOB = "task-republish";
    /** The payload generation this run brings readers up to; a new field in the event names a new one. */
    public static final String GENERATION = "2026-11-documents";
    private static final Logger LOG = Logger.getLogger(TaskRepublish.class);
    private static final int PAGE = 200;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Signatures signatures;

    @Inject
    JobClaims jobs;

    @Scheduled(every = "${kpi.task.republish-every}", delay = 20, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            identity = JOB, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce().ifPresent(count -> LOG.infof("Republished %d tasks as payload generation %s", count, GENERATION));
    }

    /** Republishes every task unless this generation's run is done or running elsewhere; returns how many. */
    public java.util.Optional<Integer> runOnce() {
        return jobs.runOnce(JOB, GENERATION, Duration.ofMinutes(30), this::republishAll);
    }

    int republishAll() {
        long after = 0;
        int count = 0;
        while (true) {
            long from = after;
            List<Long> published = QuarkusTransaction.requiringNew().call(() -> page(from));
            count += published.size();
            if (published.size() < PAGE) {
                return count;
            }
            after = published.get(published.size() - 1);
        }
    }

    /** One page of tasks after {@code after}, each published as it stands; returns their ids. */
    private List<Long> page(long after) {
        List<Task> tasks = em.createQuery("select t from Task t where t.id > :after order by t.id", Task.class)
                .setParameter("after", after).setMaxResults(PAGE).getResultList();
        for (Task task : tasks) {
            task.signatures = signatures.of(task.id);
            outbox.publish(TaskService.UPSERTED, TaskService.key(task), TaskEvent.of(task));
        }
        return tasks.stream().map(t -> t.id).toList();
    }
}
