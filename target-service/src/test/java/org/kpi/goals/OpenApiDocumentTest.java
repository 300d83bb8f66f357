package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.contracts.OpenApiContract;

/** target-service's OpenAPI document is one clients can be generated from. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OpenApiDocumentTest extends OpenApiContract {
}
