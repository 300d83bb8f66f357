package org.kpi.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Runs a {@link FeedStub} in place of another service's feed and points the service's consumer
 * at it ({@code kpi.feed.sources.<feed>.url}); tests find the stub at {@code feed-stub.url}. The
 * feed is target-service's ({@code target}) unless the resource's {@code feed} argument names
 * another.
 */
public class FeedStubResource implements QuarkusTestResourceLifecycleManager {

    private FeedStub stub;
    private String feed = "target";

    @Override
    public void init(Map<String, String> initArgs) {
        feed = initArgs.getOrDefault("feed", "target");
    }

    @Override
    public Map<String, String> start() {
        try {
            stub = new FeedStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "kpi.feed.sources." + feed + ".url", stub.url(),
                "feed-stub.url", stub.url(),
                "kpi.feed.initial-backoff", "0.1S",
                "kpi.feed.max-backoff", "0.2S",
                "kpi.feed.circuit-open-for", "0.2S",
                "kpi.feed.request-timeout", "2S");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
