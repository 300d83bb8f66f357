package org.kpi.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery engine in Prometheus: {@code kpi_notify_deliveries_total{channel, outcome}} counts
 * attempts by how they ended (sent, retrying, dead, cancelled, or throttled: held back for a robot's
 * rate limit), and
 * {@code kpi_notify_delivery_oldest_due_seconds} says how long the oldest due delivery has waited
 * (0 when none is due) — a value that keeps growing means no worker is sending.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DeliveryStore store;

    private final AtomicLong oldestDueSeconds = new AtomicLong();

    void register(@Observes StartupEvent start) {
        Gauge.builder("kpi.notify.delivery.oldest.due", oldestDueSeconds, AtomicLong::doubleValue)
                .baseUnit("seconds")
                .description("How long the oldest due delivery has been waiting to be sent")
                .register(registry);
    }

    /** Counts each outcome under its channel. */
    public void count(List<DeliveryOutcome> outcomes) {
        for (DeliveryOutcome outcome : outcomes) {
            Counter.builder("kpi.notify.deliveries")
                    .description("Delivery attempts by channel and how they ended")
                    .tag("channel", outcome.delivery().channel().name())
                    .tag("outcome", outcome.status() == DeliveryStatus.PENDING ? "throttled"
                            : outcome.status().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    /** Reads the age of the oldest due delivery; every worker does so after each drain. */
    public void observeBacklog() {
        try {
            oldestDueSeconds.set(store.oldestDueAge().map(age -> age.toSeconds()).orElse(0L));
        } catch (RuntimeException e) {
            LOG.warn("Could not read the delivery backlog", e);
        }
    }
}
