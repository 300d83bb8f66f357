package org.kpi.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls the feeds named in {@link FeedConfig} and applies their events through the
 * {@link EventHandler} beans. Each page is applied in one transaction that also advances the
 * stored cursor (at-least-once delivery, exactly-once effect); the cursor row is locked, so
 * several replicas polling the same feed never apply an event twice. A producer that is down
 * is retried with exponential back-off; the consumer catches up when it returns.
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    @Inject
    FeedConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    ServiceTokens tokens;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, FeedHealth> health = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    @Scheduled(every = "${kpi.feed.poll-interval:1s}", identity = "event-feed-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        pollDue();
    }

    /** Polls every configured feed whose back-off has run out. */
    public void pollDue() {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        for (String feed : config.sources().keySet()) {
            FeedHealth state = health.computeIfAbsent(feed, f -> new FeedHealth());
            Instant now = clock.instant();
            if (now.isBefore(state.nextAttempt)) {
                continue;
            }
            try {
                drain(feed);
                if (state.failures > 0) {
                    LOG.infof("Feed %s reachable again after %d failed attempts", feed, state.failures);
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

    /** Reads and applies pages of {@code feed} until it has nothing new; returns the events applied. */
    public int drain(String feed) {
        int applied = 0;
        while (true) {
            FeedPage page = fetch(feed, cursor(feed));
            if (page.items().isEmpty()) {
                return applied;
            }
            applied += apply(feed, page.items());
            if (page.items().size() < page.limit()) {
                return applied;
            }
        }
    }

    /** The last sequence number of {@code feed} applied here (0 before the first). */
    public long cursor(String feed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedCursor cursor = em.find(FeedCursor.class, feed);
            return cursor == null ? 0L : cursor.lastSeq;
        });
    }

    /**
     * Applies events of {@code feed} in one transaction with the cursor; events at or below the
     * cursor are skipped, so a page delivered twice has one effect. Returns how many were applied.
     */
    public int apply(String feed, List<FeedEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into feed_cursor (feed, last_seq, updated_at) values (?1, 0, now()) "
                            + "on conflict (feed) do nothing")
                    .setParameter(1, feed)
                    .executeUpdate();
            long cursor = ((Number) em.createNativeQuery(
                            "select last_seq from feed_cursor where feed = ?1 for update")
                    .setParameter(1, feed)
                    .getSingleResult()).longValue();
            int applied = 0;
            long last = cursor;
            for (FeedEvent event : events) {
                if (event.seq() <= last) {
                    continue;
                }
                for (EventHandler handler : handlers) {
                    if (handler.handles(event.type())) {
                        handler.apply(event);
                    }
                }
                last = event.seq();
                applied++;
            }
            if (last > cursor) {
                em.createNativeQuery("update feed_cursor set last_seq = ?1, updated_at = ?2 where feed = ?3")
                        .setParameter(1, last)
                        .setParameter(2, OffsetDateTime.now(clock))
                        .setParameter(3, feed)
                        .executeUpdate();
            }
            return applied;
        });
    }

    FeedPage fetch(String feed, long after) {
        FeedConfig.Source source = config.sources().get(feed);
        if (source == null) {
            throw new IllegalArgumentException("No feed named " + feed);
        }
        URI uri = URI.create(source.url().replaceAll("/+$", "")
                + "/api/v1/events?after=" + after + "&limit=" + config.batchSize());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + tokens.bearer())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return mapper.readValue(response.body(), FeedPage.class);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + uri, e);
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        }
        return http;
    }

    /** Consecutive failures of one feed and when to try it next. */
    private static final class FeedHealth {
        int failures;
        Instant nextAttempt = Instant.EPOCH;
    }
}
