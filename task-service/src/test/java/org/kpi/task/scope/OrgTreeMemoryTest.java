package org.kpi.task.scope;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.task.OrgFixture;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scope checks read the org tree from memory: a change this replica applies is seen at once, a
 * change another replica commits within the refresh interval.
 */
@QuarkusTest
@TestProfile(OrgTreeMemoryTest.HalfSecondRefresh.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class OrgTreeMemoryTest {

    /** The production behaviour with a short interval: the tree is checked against the table every half second. */
    public static class HalfSecondRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kpi.platform.org-tree-refresh", "500ms");
        }
    }

    @Inject
    OrgFixture orgs;

    @Inject
    DataSource dataSource;

    @Test
    void aUnitMovedByTheFeedIsInItsNewDistrictsScopeAtOnce() {
        OrgFixture.Tree tree = orgs.tree();
        String unit = "/api/v1/org-units/" + tree.a1();
        assertEquals(404, TestTokens.as("supervisor", tree.districtB()).get(unit).statusCode());
        orgs.publishEvent("org-unit.upserted", tree.a1(), "{\"code\":\"" + tree.a1() + "\",\"name\":\"甲区发展和改革局\","
                + "\"type\":\"DEPARTMENT\",\"parentCode\":\"" + tree.districtB() + "\",\"version\":1,\"createdAt\":\""
                + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}");
        orgs.drain();
        assertEquals(200, TestTokens.as("supervisor", tree.districtB()).get(unit).statusCode(),
                "seen without waiting for the refresh interval");
        assertEquals(404, TestTokens.as("supervisor", tree.districtA()).get(unit).statusCode());
    }

    @Test
    void aUnitMovedByAnotherReplicaIsSeenWithinTheRefreshInterval() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        String unit = "/api/v1/org-units/" + tree.a2();
        assertEquals(404, TestTokens.as("supervisor", tree.districtB()).get(unit).statusCode());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement move = connection.prepareStatement(
                     "update org_unit set parent_code = ?, path = ?, version = version + 1 where code = ?")) {
            move.setString(1, tree.districtB());
            move.setString(2, "/" + tree.city() + "/" + tree.districtB() + "/" + tree.a2() + "/");
            move.setString(3, tree.a2());
            assertEquals(1, move.executeUpdate());
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 404;
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = TestTokens.as("supervisor", tree.districtB()).get(unit).statusCode();
        }
        assertEquals(200, status, "the other replica's change is seen once the interval has passed");
        assertEquals(404, TestTokens.as("supervisor", tree.districtA()).get(unit).statusCode());
    }
}
