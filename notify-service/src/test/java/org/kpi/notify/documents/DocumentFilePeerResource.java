package org.kpi.notify.documents;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Runs a {@link DocumentFilePeer} in place of target-service's file endpoint
 * ({@code kpi.notify.documents.file-base-url}); tests get it in a field marked
 * {@link InjectDocumentFilePeer}.
 */
public class DocumentFilePeerResource implements QuarkusTestResourceLifecycleManager {

    private DocumentFilePeer peer;

    @Override
    public Map<String, String> start() {
        peer = new DocumentFilePeer();
        return Map.of("kpi.notify.documents.file-base-url", peer.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(peer,
                new TestInjector.AnnotatedAndMatchesType(InjectDocumentFilePeer.class, DocumentFilePeer.class));
    }

    @Override
    public void stop() {
        if (peer != null) {
            peer.close();
        }
    }
}
