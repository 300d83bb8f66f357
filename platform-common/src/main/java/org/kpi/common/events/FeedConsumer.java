package org.kpi.common.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls the feeds named in {@link FeedConfig} and applies their events through the
 * {@link EventHandler} beans. A page is applied in one transaction that also advances the stored
 * cursor (at-least-once delivery, exactly-once effect); the cursor row is locked, so several
 * replicas polling the same feed never apply an event twice. A producer that is down is retried
 * with exponential back-off; the consumer catches up when it returns.
 *
 * <p>A page that fails is applied again one event per transaction, to find the event at fault.
 * That event is retried on later polls; after {@link FeedConfig#maxAttempts()} attempts — or at
 * once when its handler says it is {@link UnusableEvent unusable} — it is parked in
 * {@code feed_dead_letter} with its error and the cursor moves past it, so one poison event never
 * stops a feed. Admins list and replay parked events ({@link DeadLetterResource}).
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    @Inject
    FeedConfig config;

    @Inject
    FeedClient client;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();

    @Scheduled(every = "${kpi.feed.poll-interval:1s}", identity = "event-feed-poll",
            delayed = "${kpi.jobs.start-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        pollDue();
    }

    /** Polls every configured feed whose back-off has run out. */
    public void pollDue() {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        for (String feed : config.sources().keySet()) {
            FeedState state = state(feed);
            Instant now = clock.instant();
            if (now.isBefore(state.nextAttempt)) {
                continue;
            }
            try {
                drain(feed);
                if (state.failures > 0) {
                    LOG.infof("Feed %s moving again after %d failed attempts", feed, state.failures);
                }
                state.failures = 0;
                state.nextAttempt = Instant.EPOCH;
            } catch (RuntimeException e) {
                state.failures++;
                state.nextAttempt = now.plus(backoff.delayAfter(state.failures));
                LOG.warnf("Feed %s: poll failed (%d in a row), next attempt at %s: %s",
                        feed, state.failures, state.nextAttempt, e.getMessage());
            }
        }
    }

    /**
     * Reads and applies pages of {@code feed} until it has nothing new; returns the events applied.
     * Throws when the producer cannot be read or an event failed and is to be retried later.
     */
    public int drain(String feed) {
        FeedState state = state(feed);
        if (state.parked < 0) {
            state.parked = parkedCount(feed);
        }
        int applied = 0;
        while (true) {
            long cursor = cursor(feed);
            state.cursor = cursor;
            FeedPage page = client.read(feed, cursor);
            state.head = page.headSeq() != null ? page.headSeq() : Math.max(state.head, page.lastSeq());
            if (page.items().isEmpty()) {
                return applied;
            }
            try {
                applied += apply(feed, page.items());
            } finally {
                state.cursor = cursor(feed);
            }
            if (page.items().size() < page.limit()) {
                return applied;
            }
        }
    }

    /** The last sequence number of {@code feed} applied (or parked) here, 0 before the first. */
    public long cursor(String feed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedCursor cursor = em.find(FeedCursor.class, feed);
            return cursor == null ? 0L : cursor.lastSeq;
        });
    }

    /**
     * Applies events of {@code feed}; events at or below the cursor are skipped, so a page
     * delivered twice has one effect. Returns how many were applied. Tries the whole page in one
     * transaction; if that fails, one event per transaction, parking what cannot be applied.
     */
    public int apply(String feed, List<FeedEvent> events) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(feed, events));
        } catch (RuntimeException pageFailed) {
            int applied = 0;
            for (FeedEvent event : events) {
                try {
                    applied += QuarkusTransaction.requiringNew().call(() -> applyInTransaction(feed, List.of(event)));
                } catch (RuntimeException eventFailed) {
                    if (!recordFailure(feed, event, eventFailed)) {
                        throw new FeedStuck(feed, event, eventFailed);
                    }
                }
            }
            return applied;
        }
    }

    /** Runs every handler of {@code event}'s type; used for feed events and for replays. */
    public void dispatch(FeedEvent event) {
        for (EventHandler handler : handlers) {
            if (handler.handles(event.type())) {
                handler.apply(event);
            }
        }
    }

    /** Lag, parked count and failed polls of each configured feed, as this replica last saw them. */
    public Map<String, FeedStatus> status() {
        Map<String, FeedStatus> result = new TreeMap<>();
        for (String feed : config.sources().keySet()) {
            FeedState s = state(feed);
            result.put(feed, new FeedStatus(s.cursor, s.head, Math.max(0, s.head - s.cursor), Math.max(0, s.parked),
                    s.failures));
        }
        return result;
    }

    FeedState state(String feed) {
        return states.computeIfAbsent(feed, f -> new FeedState());
    }

    private int applyInTransaction(String feed, List<FeedEvent> events) {
        long cursor = lockCursor(feed);
        int applied = 0;
        long last = cursor;
        for (FeedEvent event : events) {
            if (event.seq() <= last) {
                continue;
            }
            dispatch(event);
            last = event.seq();
            applied++;
        }
        if (last > cursor) {
            em.createNativeQuery("""
                            update feed_cursor
                               set last_seq = ?1, updated_at = ?2,
                                   failing_seq = null, failing_attempts = 0, last_error = null
                             where feed = ?3""")
                    .setParameter(1, last)
                    .setParameter(2, OffsetDateTime.now(clock))
                    .setParameter(3, feed)
                    .executeUpdate();
        }
        return applied;
    }

    /**
     * Counts a failed attempt at {@code event}; parks it and moves the cursor past it when it is
     * unusable or has failed {@link FeedConfig#maxAttempts()} times. Returns whether the feed may
     * go on past it now.
     */
    private boolean recordFailure(String feed, FeedEvent event, RuntimeException error) {
        UnusableEvent unusable = UnusableEvent.causeOf(error);
        String incident = UUID.randomUUID().toString();
        String message = unusable != null ? unusable.getMessage()
                : "处理失败，日志中的事故编号 " + incident;
        if (unusable == null) {
            LOG.errorf(error, "Feed %s: event %d (%s) failed, incident %s", feed, event.seq(), event.type(), incident);
        } else {
            LOG.warnf("Feed %s: event %d (%s) cannot be used: %s", feed, event.seq(), event.type(), message);
        }
        boolean parked = QuarkusTransaction.requiringNew().call(() -> {
            long cursor = lockCursor(feed);
            if (event.seq() <= cursor) {
                return true;
            }
            Object[] row = (Object[]) em.createNativeQuery(
                            "select failing_seq, failing_attempts from feed_cursor where feed = ?1")
                    .setParameter(1, feed)
                    .getSingleResult();
            int attempts = row[0] != null && ((Number) row[0]).longValue() == event.seq()
                    ? ((Number) row[1]).intValue() + 1 : 1;
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (unusable == null && attempts < config.maxAttempts()) {
                em.createNativeQuery("update feed_cursor set failing_seq = ?1, failing_attempts = ?2, last_error = ?3 where feed = ?4")
                        .setParameter(1, event.seq())
                        .setParameter(2, attempts)
                        .setParameter(3, message)
                        .setParameter(4, feed)
                        .executeUpdate();
                return false;
            }
            em.createNativeQuery("""
                            insert into feed_dead_letter
                                (feed, seq, type, event_key, payload, occurred_at, error, attempts, status, parked_at)
                            values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, 'PARKED', ?9)
                            on conflict (feed, seq) do update
                               set error = excluded.error, attempts = excluded.attempts, status = 'PARKED',
                                   parked_at = excluded.parked_at, version = feed_dead_letter.version + 1""")
                    .setParameter(1, feed)
                    .setParameter(2, event.seq())
                    .setParameter(3, event.type())
                    .setParameter(4, event.key())
                    .setParameter(5, event.payload() == null ? "null" : event.payload().toString())
                    .setParameter(6, event.occurredAt())
                    .setParameter(7, message)
                    .setParameter(8, attempts)
                    .setParameter(9, now)
                    .executeUpdate();
            em.createNativeQuery("""
                            update feed_cursor
                               set last_seq = ?1, updated_at = ?2,
                                   failing_seq = null, failing_attempts = 0, last_error = ?3
                             where feed = ?4""")
                    .setParameter(1, event.seq())
                    .setParameter(2, now)
                    .setParameter(3, message)
                    .setParameter(4, feed)
                    .executeUpdate();
            LOG.warnf("Feed %s: event %d (%s) parked as a dead letter after %d attempt(s)",
                    feed, event.seq(), event.type(), attempts);
            return true;
        });
        if (parked) {
            state(feed).parked = parkedCount(feed);
        }
        return parked;
    }

    private long lockCursor(String feed) {
        em.createNativeQuery("insert into feed_cursor (feed, last_seq, updated_at) values (?1, 0, now()) "
                        + "on conflict (feed) do nothing")
                .setParameter(1, feed)
                .executeUpdate();
        return ((Number) em.createNativeQuery("select last_seq from feed_cursor where feed = ?1 for update")
                .setParameter(1, feed)
                .getSingleResult()).longValue();
    }

    private long parkedCount(String feed) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from feed_dead_letter where feed = ?1 and status = 'PARKED'")
                .setParameter(1, feed)
                .getSingleResult()).longValue());
    }

    /** Refreshes the parked count of every feed (after a replay). */
    void refreshParked() {
        for (String feed : config.sources().keySet()) {
            state(feed).parked = parkedCount(feed);
        }
    }

    /** What one replica knows of one feed. */
    static final class FeedState {
        volatile int failures;
        volatile Instant nextAttempt = Instant.EPOCH;
        volatile long cursor;
        volatile long head;
        /** Parked events of the feed, -1 until first counted. */
        volatile long parked = -1;
    }

    /**
     * One feed as this replica sees it.
     *
     * @param cursor   the last event applied or parked here
     * @param head     the producer's highest event at the last poll
     * @param lag      events the producer has that are not applied here yet
     * @param parked   events parked as dead letters and not replayed
     * @param failures consecutive failed polls
     */
    public record FeedStatus(long cursor, long head, long lag, long parked, int failures) {
    }

    /** An event failed and has attempts left: the feed waits for the next poll. */
    public static class FeedStuck extends RuntimeException {
        public FeedStuck(String feed, FeedEvent event, RuntimeException cause) {
            super("Feed " + feed + ": event " + event.seq() + " (" + event.type() + ") failed and will be retried", cause);
        }
    }
}
