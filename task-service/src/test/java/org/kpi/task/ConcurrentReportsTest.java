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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Progress reports carry no If-Match: the units of one task report at the same time without
 * refusing each other. A report that commits while another waits for the task's lock is not a
 * conflict for the waiting one.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ConcurrentReportsTest {

    private static final int REPORTS_PER_UNIT = 15;

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void leadAndCoUnitReportingOnOneTaskAtOnceAreAllAccepted() throws Exception {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "ASSIGNED");
        long versionBefore = TestTokens.as("admin", "ROOT").get("/api/v1/tasks/" + task).jsonPath().getLong("version");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Integer>>> writers = new ArrayList<>();
        for (String unit : List.of(tree.a1(), tree.a2())) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < REPORTS_PER_UNIT; i++) {
                    statuses.add(TestTokens.as("department", unit)
                            .body("{\"text\":\"第 " + i + " 次进展\",\"percentDone\":" + (i + 1) + "}")
                            .post("/api/v1/tasks/" + task + "/progress-reports").statusCode());
                }
                return statuses;
            }));
        }
        start.countDown();
        for (CompletableFuture<List<Integer>> writer : writers) {
            assertEquals(List.of(201), writer.get(120, TimeUnit.SECONDS).stream().distinct().toList(),
                    "every report is accepted");
        }
        assertEquals(2 * REPORTS_PER_UNIT, TestTokens.as("admin", "ROOT")
                .get("/api/v1/tasks/" + task + "/progress-reports?size=100").jsonPath().getInt("total"));
        assertEquals(versionBefore + 2 * REPORTS_PER_UNIT, TestTokens.as("admin", "ROOT")
                .get("/api/v1/tasks/" + task).jsonPath().getLong("version"), "each report is one change of the task");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
