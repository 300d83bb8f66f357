package org.kpi.goals.targets;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ColourRefreshTest {

    @Inject
    TestClock clock;

    @Inject
    ColourRefresh refresh;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void targetTurnsRedWhenItsReportFallsDueUnansweredAndTheChangeIsPublished() {
        clock.setDate(LocalDate.of(2026, 2, 10));
        Fixture f = new Fixture();
        long target = f.target(f.projects(), f.districtA, f.deptA1, "120");
        TestTokens.as("leader", f.districtA).get("/api/v1/targets/" + target).then().body("colour", equalTo("BLUE"));
        long before = Feeds.endSeq();

        clock.setDate(LocalDate.of(2026, 3, 20));
        assertTrue(refresh.refresh(LocalDate.of(2026, 3, 20)).changed() >= 1);

        TestTokens.as("leader", f.districtA).get("/api/v1/targets?colour=RED&orgUnit=" + f.districtA)
                .then().body("total", equalTo(1)).body("items[0].progress.actualsOverdue", equalTo(true));
        TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=500&after=" + before).then()
                .body("items.find { it.key == '" + target + "' && it.type == 'target.status-changed' }.payload.to",
                        equalTo("RED"));
    }

    @Test
    void twoReplicasFiringTogetherRecolourOnceADay() throws Exception {
        clock.setDate(LocalDate.of(2026, 2, 10));
        Fixture f = new Fixture();
        long target = f.target(f.projects(), f.districtA, f.deptA1, "120");
        LocalDate day = LocalDate.of(2026, 3, 21);
        clock.setDate(day);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Optional<ColourRefresh.Result>> replica = () -> {
                start.await();
                return refresh.runDaily(day);
            };
            Future<Optional<ColourRefresh.Result>> a = pool.submit(replica);
            Future<Optional<ColourRefresh.Result>> b = pool.submit(replica);
            start.countDown();
            List<Optional<ColourRefresh.Result>> runs = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertEquals(1, runs.stream().filter(Optional::isPresent).count(), "exactly one replica does the day's run");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(refresh.runDaily(day).isEmpty(), "a later firing the same day finds the run done");
        assertEquals(1, statusChanges(target), "the change is published once");
    }

    @Test
    void aTargetChangedDuringTheRunIsSkippedAndTheOthersAreRecoloured() {
        clock.setDate(LocalDate.of(2026, 2, 10));
        Fixture f = new Fixture();
        String projects = f.projects();
        long edited = f.target(projects, f.districtA, f.deptA1, "120");
        long untouched = f.target(projects, f.districtB, f.deptB1, "120");
        LocalDate day = LocalDate.of(2026, 3, 20);
        clock.setDate(day);

        List<ColourRefresh.TargetRef> listed = refresh.targetsOf(day).stream()
                .filter(ref -> ref.id() == edited || ref.id() == untouched).toList();
        // a supervisor edits one target after the run listed it: its version moves on
        String etag = TestTokens.as("supervisor", f.districtA).get("/api/v1/targets/" + edited).then()
                .statusCode(200).extract().header("ETag");
        TestTokens.as("supervisor", f.districtA).header("If-Match", etag)
                .body("{\"indicatorCode\":\"" + projects + "\",\"orgUnitCode\":\"" + f.districtA
                        + "\",\"year\":2026,\"committedValue\":130,\"responsibleUnitCode\":\"" + f.deptA1 + "\"}")
                .put("/api/v1/targets/" + edited).then().statusCode(200);

        ColourRefresh.Result result = refresh.recolour(listed, day);

        assertEquals(new ColourRefresh.Result(2, 1, 1, 0), result);
        TestTokens.as("leader", f.districtB).get("/api/v1/targets/" + untouched).then().body("colour", equalTo("RED"));
    }

    private static long statusChanges(long target) {
        return Feeds.readAll().stream()
                .filter(e -> "target.status-changed".equals(e.get("type")) && String.valueOf(target).equals(e.get("key")))
                .count();
    }
}
