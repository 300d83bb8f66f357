package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A caller who may not see an object is refused before any lock is taken, so it cannot make writers wait. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class AccessBeforeLockTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOutOfScopeAnswerToASupervisionOrderIsRefusedWithoutWaitingForItsLock() throws Exception {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "ASSIGNED");
        long order = TestTokens.as("supervisor", tree.districtA())
                .body("{\"level\":\"URGE\",\"reason\":\"进度滞后\",\"respondBy\":\"2026-09-10\"}")
                .post("/api/v1/tasks/" + task + "/supervision-orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select id from supervision_order where id = ? for update")) {
                lock.setLong(1, order);
                lock.executeQuery().close();
            }
            try {
                CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() ->
                        TestTokens.as("department", tree.b1()).body("{\"text\":\"已整改\"}")
                                .post("/api/v1/supervision-orders/" + order + "/response").statusCode());
                assertEquals(404, answer.get(10, TimeUnit.SECONDS));
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void anOutOfScopeProgressReportIsRefusedWithoutWaitingWhileTheLeadsReportWaitsForTheLock() throws Exception {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "ASSIGNED");
        String body = "{\"text\":\"本周进展\",\"percentDone\":20}";
        CompletableFuture<Integer> lead;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from task where id = ? for update")) {
                lock.setLong(1, task);
                lock.executeQuery().close();
            }
            try {
                CompletableFuture<Integer> outsider = CompletableFuture.supplyAsync(() ->
                        TestTokens.as("department", tree.b1()).body(body)
                                .post("/api/v1/tasks/" + task + "/progress-reports").statusCode());
                assertEquals(404, outsider.get(10, TimeUnit.SECONDS));
                lead = CompletableFuture.supplyAsync(() -> TestTokens.as("department", tree.a1()).body(body)
                        .post("/api/v1/tasks/" + task + "/progress-reports").statusCode());
                // the lead unit may write: its report waits for the row
                Thread.sleep(1_000);
                assertFalse(lead.isDone(), "the lead's report went past a locked task");
            } finally {
                holder.rollback();
            }
        }
        assertEquals(201, lead.get(10, TimeUnit.SECONDS));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("percentDone", equalTo(20));
    }
}
