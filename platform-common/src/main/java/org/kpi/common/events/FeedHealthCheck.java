package org.kpi.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * Reports every consumed feed's lag, parked events and failed polls in the readiness data (the
 * failures' causes go to the log, not to this unauthenticated endpoint). It is
 * always UP: a lagging feed is a signal for operators, not a reason to take this replica out of
 * rotation (it still serves what it has, and catches up by itself).
 */
@Readiness
@ApplicationScoped
public class FeedHealthCheck implements HealthCheck {

    @Inject
    FeedConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("event-feeds").up();
        for (Map.Entry<String, FeedConsumer.FeedStatus> e : consumer.status().entrySet()) {
            FeedConsumer.FeedStatus s = e.getValue();
            String feed = e.getKey();
            builder.withData(feed + ".cursor", s.cursor())
                    .withData(feed + ".lag", s.lag())
                    .withData(feed + ".parked", s.parked())
                    .withData(feed + ".failedPolls", s.failures());
        }
        return builder.build();
    }
}
