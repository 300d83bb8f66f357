package org.kpi.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.kpi.common.PlatformConfig;

import java.time.Clock;
import java.time.ZoneId;

/** The one source of "now": business code reads time from an injected {@link Clock}, so tests can move it. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(PlatformConfig config) {
        return Clock.system(ZoneId.of(config.zone()));
    }
}
