package org.kpi.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified bearer tokens ({@link CachingJwtParser}). */
@ConfigMapping(prefix = "kpi.security.token-cache")
public interface TokenCacheConfig {

    /** Whether a token verified once is remembered until it expires; off, every request verifies its token again. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens remembered at once; beyond it the least used are forgotten (and verified again if they return). */
    @WithDefault("10000")
    long maxEntries();

    /** How often the verification key's source is read again; when its content changed, every remembered token is forgotten. */
    @WithDefault("60s")
    Duration keyCheckInterval();
}
