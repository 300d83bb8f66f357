package org.kpi.notify.channels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Which network addresses outbound calls (webhooks, robots) may reach. Link-local, cloud-metadata,
 * multicast, broadcast and unspecified addresses are refused whatever is set here.
 */
@ConfigMapping(prefix = "kpi.notify.outbound")
public interface OutboundConfig {

    /** Whether loopback addresses (127.0.0.0/8, ::1) may be called: local runs and tests only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Whether private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) may be called: intranet deployments. */
    @WithDefault("false")
    boolean allowPrivate();

    /** CIDR ranges always allowed, even if loopback or private (e.g. an intranet gateway {@code 10.20.0.0/16}). */
    Optional<List<String>> allow();

    /** CIDR ranges always refused, even if public or listed in {@link #allow()}. */
    Optional<List<String>> deny();
}
