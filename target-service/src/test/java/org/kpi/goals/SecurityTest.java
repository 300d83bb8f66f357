package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.contracts.SecurityContract;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class SecurityTest extends SecurityContract {
}
