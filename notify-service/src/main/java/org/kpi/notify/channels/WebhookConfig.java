package org.kpi.notify.channels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How generic webhooks are called. */
@ConfigMapping(prefix = "kpi.notify.webhook")
public interface WebhookConfig {

    /** The longest wait for a webhook: to connect, and again for its answer; then the attempt is retried later. */
    @WithDefault("5s")
    Duration timeout();
}
