package org.kpi.goals;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kpi.common.audit.AuditLog;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class AuditAndFeedTest {

    static String createCity() {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.as("admin", "ROOT").body("{\"code\":\"" + code + "\",\"name\":\"审计市\",\"type\":\"CITY\"}")
                .post("/api/v1/org-units").then().statusCode(201);
        return code;
    }

    @Test
    void everyWriteIsAuditedWithActorBeforeAndAfter() {
        String city = createCity();
        TestTokens.as("admin", "ROOT").header("If-Match", "\"0\"").body("{\"name\":\"审计市（新）\"}")
                .put("/api/v1/org-units/" + city).then().statusCode(200);

        TestTokens.as("supervisor", city).get("/api/v1/audit?entity=org-unit&id=" + city)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("rename"))
                .body("items[0].actor", equalTo("admin@ROOT"))
                .body("items[0].actorOrg", equalTo("ROOT"))
                .body("items[0].before.name", equalTo("审计市"))
                .body("items[0].after.name", equalTo("审计市（新）"))
                .body("items[1].action", equalTo("create"))
                .body("items[1].before", nullValue());
    }

    @Test
    void auditIsForSupervisorsInScopeOnly() {
        String city = createCity();
        String other = createCity();
        for (String role : List.of("department", "leader", "service")) {
            TestTokens.as(role, city).get("/api/v1/audit?entity=org-unit&id=" + city).then().statusCode(403);
        }
        TestTokens.as("supervisor", other).get("/api/v1/audit?entity=org-unit&id=" + city)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void orgUnitChangesAreOnTheFeedInOrder() {
        long before = Feeds.endSeq();
        String city = createCity();
        Response feed = TestTokens.as("service", "SYSTEM").get("/api/v1/events?after=" + before);
        feed.then().statusCode(200)
                .body("items.type", hasItem("org-unit.upserted"))
                .body("items.key", hasItem(city));
        List<Integer> seqs = feed.jsonPath().getList("items.seq", Integer.class);
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1));
        }
        assertEquals(city, feed.jsonPath().getString("items.find { it.key == '" + city + "' }.payload.code"));
    }

    @Test
    void feedIsForServicesOnly() {
        TestTokens.as("department", "X").get("/api/v1/events").then().statusCode(403)
                .contentType("application/problem+json");
        TestTokens.as("supervisor", "X").get("/api/v1/events").then().statusCode(403);
        TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=0").then().statusCode(400);
        TestTokens.as("service", "SYSTEM").get("/api/v1/events?after=x").then().statusCode(400);
    }

    @Inject
    DataSource dataSource;

    @Test
    void auditRowsCannotBeChangedEvenInTheDatabase() throws SQLException {
        createCity();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("update audit_log set actor = 'someone-else'"));
            assertTrue(update.getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("delete from audit_log"));
        }
    }

    @Inject
    AuditLog audit;

    @Test
    void auditEntriesOfATransactionAreWrittenInOrderWhenItCommitsAndNotAtAllWhenItRollsBack() throws SQLException {
        String committed = "kept-" + UUID.randomUUID();
        String rolledBack = "dropped-" + UUID.randomUUID();
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                audit.record("create", "test-entity", committed, null, null, Map.of("n", 1));
                audit.record("update", "test-entity", committed, null, Map.of("n", 1), Map.of("n", 2));
                audit.record("update", "test-entity", committed, null, Map.of("n", 2), Map.of("n", 3));
            });
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                audit.record("create", "test-entity", rolledBack, null, null, Map.of("n", 1));
                throw new IllegalStateException("the write fails after it was audited");
            }));
        } finally {
            requests.terminate();
        }
        assertEquals(List.of("create:1", "update:2", "update:3"), auditTrail(committed));
        assertEquals(List.of(), auditTrail(rolledBack));
    }

    /** {@code action:after.n} of each audit entry of {@code entityId}, oldest first. */
    private List<String> auditTrail(String entityId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select action, after ->> 'n' from audit_log where entity_id = ? order by id")) {
            query.setString(1, entityId);
            List<String> trail = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    trail.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
            return trail;
        }
    }
}
