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

import static org.hamcrest.Matchers.equalTo;
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
        assertTrue(refresh.refresh(LocalDate.of(2026, 3, 20)) >= 1);

        TestTokens.as("leader", f.districtA).get("/api/v1/targets?colour=RED&orgUnit=" + f.districtA)
                .then().body("total", equalTo(1)).body("items[0].progress.actualsOverdue", equalTo(true));
        TestTokens.as("service", "SYSTEM").get("/api/v1/events?limit=500&after=" + before).then()
                .body("items.find { it.key == '" + target + "' && it.type == 'target.status-changed' }.payload.to",
                        equalTo("RED"));
    }
}
