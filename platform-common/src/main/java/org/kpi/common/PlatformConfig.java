package org.kpi.common;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings every service shares (fixed at start-up: request filters read them). */
@StaticInitSafe
@ConfigMapping(prefix = "kpi.platform")
public interface PlatformConfig {

    /** Largest JSON request body accepted, in bytes (1 MiB). */
    @WithDefault("1048576")
    long maxJsonBytes();

    /** Largest multipart or binary upload accepted, in bytes (an attachment of 10 MiB plus form overhead). */
    @WithDefault("11010048")
    long maxUploadBytes();

    /** Longest request target (path and query) accepted, in characters; longer is a 414 problem. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest total size of the request headers accepted, in bytes; larger is a 431 problem. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /** Whether this service owns the org tree (target-service) or keeps a replica of it. */
    @WithDefault("false")
    boolean orgTreeOwner();

    /**
     * How old the in-memory org tree may get before it is checked against the database: a change
     * another replica commits is seen by scope checks here within this time.
     */
    @WithDefault("1s")
    Duration orgTreeRefresh();

    /** The business time zone: dates are local dates here. */
    @WithDefault("Asia/Shanghai")
    String zone();
}
