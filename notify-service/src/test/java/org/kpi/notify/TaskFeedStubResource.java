package org.kpi.notify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.kpi.testing.FeedStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Runs a {@link FeedStub} in place of task-service's feed ({@code kpi.feed.sources.task.url});
 * tests find it at {@code task-feed-stub.url} and stop it with {@code /control/available?value=false}.
 */
public class TaskFeedStubResource implements QuarkusTestResourceLifecycleManager {

    private FeedStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new FeedStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kpi.feed.sources.task.url", stub.url(), "task-feed-stub.url", stub.url());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
