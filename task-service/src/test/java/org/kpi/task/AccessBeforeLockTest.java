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

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
