package org.kpi.common.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Exports each consumed feed's lag (the producer's last {@code seq} minus the cursor here) and the
 * number of its events parked as dead letters, as Prometheus gauges {@code kpi_feed_lag_events}
 * and {@code kpi_feed_parked_events} with a {@code feed} label.
 */
@ApplicationScoped
public class FeedMetrics {

    @Inject
    FeedConfig config;

    @Inject
    FeedConsumer consumer;

    @Inject
    MeterRegistry registry;

    void register(@Observes StartupEvent start) {
        for (String feed : config.sources().keySet()) {
            FeedConsumer.FeedState state = consumer.state(feed);
            Gauge.builder("kpi.feed.lag", state, s -> Math.max(0, s.head - s.cursor))
                    .baseUnit("events")
                    .description("Events of the feed not applied here yet")
                    .tag("feed", feed)
                    .register(registry);
            Gauge.builder("kpi.feed.parked", state, s -> Math.max(0, s.parked))
                    .baseUnit("events")
                    .description("Events of the feed parked as dead letters and not replayed")
                    .tag("feed", feed)
                    .register(registry);
        }
    }
}
