package org.kpi.notify.channels;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the service's mailer at a {@link ScriptedSmtp}, injected into a field marked {@link InjectMailPeer}. */
public class ScriptedSmtpResource implements QuarkusTestResourceLifecycleManager {

    private ScriptedSmtp smtp;

    @Override
    public Map<String, String> start() {
        try {
            smtp = new ScriptedSmtp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.mock", "false",
                // as for webhooks in tests: two cores shared with PostgreSQL and the build, so a pause
                // of a few seconds must not turn an answered exchange into a timeout (it did, once in CI)
                "quarkus.mailer.timeout", "15s",
                // a fresh connection per message: a connection pooled from an earlier test would
                // otherwise race the relay going down
                "quarkus.mailer.keep-alive", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(InjectMailPeer.class, ScriptedSmtp.class));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            try {
                smtp.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
