package org.kpi.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.kpi.common.PlatformConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The one source of "now": business code reads time from an injected {@link Clock}, so tests can
 * move it. It ticks in microseconds, PostgreSQL's precision, so a time a write answers with is the
 * time it stored and every later read returns.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(PlatformConfig config) {
        return Clock.tick(Clock.system(ZoneId.of(config.zone())), Duration.ofNanos(1_000));
    }
}
