package org.kpi.notify;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** For tests of what a timeout does: webhooks and robots give up after 3 s instead of the tests' 15 s. */
public class ShortTimeouts implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kpi.notify.webhook.timeout", "3s");
    }
}
