package org.kpi.common.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Metric labels say what kind of request or failure was counted, never what a client sent or
 * which class failed: a label naming an exception class is reduced to {@code error} (a malformed
 * request would otherwise publish the server's internals and grow a label per failure type).
 * Raw request paths are kept out by {@code quarkus.micrometer.binder.http-server.suppress4xx-errors}.
 */
@Singleton
public class MetricLabels {

    /** Label keys that carry an exception's class name. */
    static final Set<String> EXCEPTION_KEYS = Set.of("exception", "class", "cause");
    static final String GENERIC = "error";

    @Produces
    @Singleton
    public MeterFilter noClassNamesInLabels() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> tags = id.getTags();
                boolean changed = false;
                List<Tag> kept = new ArrayList<>(tags.size());
                for (Tag tag : tags) {
                    if (EXCEPTION_KEYS.contains(tag.getKey()) && !"None".equals(tag.getValue())
                            && !GENERIC.equals(tag.getValue())) {
                        kept.add(Tag.of(tag.getKey(), GENERIC));
                        changed = true;
                    } else {
                        kept.add(tag);
                    }
                }
                return changed ? id.replaceTags(kept) : id;
            }
        };
    }
}
