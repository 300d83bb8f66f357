package org.kpi.console.session;

import io.quarkus.oidc.client.OidcClientException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renewal the provider refused ends the session; one it could not answer does not. */
class RenewalRefusalTest {

    @Test
    void aRefusalByTheProviderIsToldFromAnOutage() {
        // what the Quarkus OIDC client throws when Keycloak refuses a refresh token of an ended session
        assertTrue(Sessions.refused(new OidcClientException(
                "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));
        assertTrue(Sessions.refused(new OidcClientException(
                "Default OidcClient has failed to complete the refresh_token grant request:  status: 400, error message: "
                        + "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));
        assertTrue(Sessions.refused(new OidcClientException("… grant request:  status: 401, error message: unauthorized")));
        assertFalse(Sessions.refused(new OidcClientException("… grant request:  status: 503, error message: unavailable")));
        assertFalse(Sessions.refused(new OidcClientException(new IOException("Connection refused"))));
        assertFalse(Sessions.refused(new IllegalStateException("status: 400")));
    }
}
