package org.kpi.common.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Which other services' feeds this service consumes, and how. */
@ConfigMapping(prefix = "kpi.feed")
public interface FeedConfig {

    /** Feeds to consume by name, e.g. {@code kpi.feed.sources.target.url=http://localhost:8081}. */
    Map<String, Source> sources();

    /** How often the feeds are polled (the scheduler's {@code every}). */
    @WithDefault("1s")
    String pollInterval();

    /** Events read per request. */
    @WithDefault("200")
    int batchSize();

    /** First wait after a failed poll; doubles per failure, with jitter. */
    @WithDefault("1S")
    Duration initialBackoff();

    /** Longest wait between attempts while a producer is down. */
    @WithDefault("30S")
    Duration maxBackoff();

    /** Timeout of one feed request. */
    @WithDefault("5S")
    Duration requestTimeout();

    /** Quick retries of a failed feed request within one poll. */
    @WithDefault("2")
    int retries();

    /** How long a feed's circuit breaker stays open after repeated failures. */
    @WithDefault("10S")
    Duration circuitOpenFor();

    /** Attempts at one event before it is parked as a dead letter and the feed moves on. */
    @WithDefault("5")
    int maxAttempts();

    interface Source {
        /** Base URL of the producing service; the feed is at {@code /api/v1/events}. */
        String url();
    }
}
