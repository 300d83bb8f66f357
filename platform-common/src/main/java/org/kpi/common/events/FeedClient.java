package org.kpi.common.events;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads one page of a named feed through a REST client behind fault tolerance: a timeout per
 * request, a couple of quick retries, and a circuit breaker per feed, so a producer that is down
 * costs one fast failure per poll instead of a hanging thread. The service token is renewed before
 * it expires, and once more if the producer refuses it.
 */
@ApplicationScoped
public class FeedClient {

    @Inject
    FeedConfig config;

    @Inject
    ServiceTokens tokens;

    private final Map<String, Remote> remotes = new ConcurrentHashMap<>();

    public FeedPage read(String feed, long after) {
        Remote remote = remotes.computeIfAbsent(feed, this::connect);
        return remote.guard.get(() -> readOnce(remote.api, after), FeedPage.class);
    }

    private FeedPage readOnce(FeedApi api, long after) {
        try {
            return api.read("Bearer " + tokens.bearer(), after, config.batchSize());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 401) {
                tokens.renew();
            }
            throw new FeedUnavailable("事件流请求失败：HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatus()));
        }
    }

    private Remote connect(String feed) {
        FeedConfig.Source source = config.sources().get(feed);
        if (source == null) {
            throw new IllegalArgumentException("No feed named " + feed);
        }
        long timeout = config.requestTimeout().toMillis();
        FeedApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(source.url().replaceAll("/+$", "")))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(FeedApi.class);
        Guard guard = Guard.create()
                .withDescription("feed " + feed)
                .withTimeout().duration(timeout, ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(config.retries()).delay(200, ChronoUnit.MILLIS)
                        .jitter(100, ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name("feed-" + feed).requestVolumeThreshold(4).failureRatio(0.75)
                        .delay(config.circuitOpenFor().toMillis(), ChronoUnit.MILLIS).successThreshold(1).done()
                .build();
        return new Remote(api, guard);
    }

    private record Remote(FeedApi api, Guard guard) {
    }

    /** The producer did not answer a page (down, refusing the token, or answering an error). */
    public static class FeedUnavailable extends RuntimeException {
        public FeedUnavailable(String message) {
            super(message);
        }
    }
}
