package org.kpi.console.session;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kpi.console.ConsoleConfig;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The org tree from target-service, read with a two-minute admin token of the console's own (the
 * whole tree is an admin's scope; the token is used for this read only).
 */
@ApplicationScoped
public class OrgDirectory {

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 50;

    @Inject
    @RestClient
    OrgUnitsClient client;

    @Inject
    ConsoleConfig config;

    /** Every org unit, in target-service's order. */
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, delay = 5000)
    public List<OrgUnitsClient.Unit> units() {
        String token = "Bearer " + Jwt.issuer(config.demo().issuer()).audience(config.demo().audience())
                .subject("web-console").claim("name", "控制台").claim("org", "SYSTEM").groups(Set.of("admin"))
                .expiresIn(Duration.of(2, ChronoUnit.MINUTES)).sign();
        List<OrgUnitsClient.Unit> units = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            OrgUnitsClient.Page result = client.list(token, page, PAGE_SIZE);
            units.addAll(result.items());
            if (result.items().size() < PAGE_SIZE || units.size() >= result.total()) {
                break;
            }
        }
        return units;
    }
}
