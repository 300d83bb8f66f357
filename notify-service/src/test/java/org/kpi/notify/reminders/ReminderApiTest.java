package org.kpi.notify.reminders;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reminders over HTTP: who sees which, the filters, and who may run a sweep. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ReminderApiTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);

    @Inject
    NotifyFixture fixture;

    @Inject
    NotifyRows rows;

    @Inject
    ReminderSweep sweep;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void departmentSeesOnlyItsOwnRemindersNewestFirst() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        sweepOn(DUE.minusDays(3));
        sweepOn(DUE.plusDays(1));

        TestTokens.as("department", tree.lead()).get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", contains("URGE", "NOTICE"))
                .body("items.offsetDays", contains(1, -3))
                .body("items.orgUnitCode", everyItem(equalTo(tree.lead())))
                .body("items[0].subjectType", equalTo("TASK"))
                .body("items[0].subjectId", equalTo(task))
                .body("items[0].party", equalTo("LEAD"))
                .body("items[0].dueDate", equalTo(DUE.toString()))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].title", equalTo("推进重点项目建设" + task));
        TestTokens.as("department", tree.co()).get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orgUnitCode", equalTo(tree.co()))
                .body("items[0].party", equalTo("CO"));
    }

    @Test
    void districtSupervisorSeesItsDepartmentsButNotTheCityAndOrgUnitNarrowsTheList() {
        NotifyFixture.Tree tree = fixture.tree();
        NotifyFixture.Tree other = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        sweepOn(DUE.minusDays(3)); // lead, co
        sweepOn(DUE.plusDays(7)); // RED: district, city

        TestTokens.as("supervisor", tree.district()).get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.orgUnitCode", contains(tree.district(), tree.co(), tree.lead()))
                .body("items.kind", contains("RED", "NOTICE", "NOTICE"));
        TestTokens.as("supervisor", tree.district()).queryParam("orgUnit", tree.lead()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].orgUnitCode", equalTo(tree.lead()));
        // an ancestor narrows nothing: what is shown stays inside the caller's subtree, as in task-service
        TestTokens.as("supervisor", tree.district()).queryParam("orgUnit", tree.city()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(3)).body("items.orgUnitCode", not(hasItem(tree.city())));
        TestTokens.as("supervisor", tree.district()).queryParam("orgUnit", other.district()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty());
        TestTokens.as("supervisor", tree.district()).queryParam("orgUnit", "NO-SUCH-UNIT").get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("supervisor", other.district()).get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(0));
        TestTokens.as("supervisor", other.district()).queryParam("orgUnit", tree.lead()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("admin", other.city()).queryParam("orgUnit", tree.city()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(4)).body("items.orgUnitCode", hasItem(tree.city()));
        TestTokens.as("admin", other.city()).queryParam("orgUnit", tree.district()).get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(3)).body("items.orgUnitCode", not(hasItem(tree.city())));
    }

    @Test
    void statusAndSubjectTypeFilterTheListAndPagesAreCounted() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        LocalDate milestoneDue = DUE.minusDays(20);
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1,
                fixture.milestone(fixture.nextId(), "10月底完成前期手续", milestoneDue, false));
        sweepOn(milestoneDue.plusDays(1)); // URGE on the milestone, lead
        sweepOn(DUE.minusDays(3)); // NOTICE on the task, lead and co; the milestone climbs to RED

        TestTokens.as("department", tree.lead()).queryParam("subjectType", "MILESTONE").get("/api/v1/reminders")
                .then().statusCode(200).body("items.subjectType", everyItem(equalTo("MILESTONE")))
                .body("items.kind", hasItem("URGE"));
        TestTokens.as("department", tree.lead()).queryParam("subjectType", "TASK").get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("NOTICE"));
        TestTokens.as("department", tree.lead()).queryParam("status", "CANCELLED").get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(0));

        fixture.task(task, tree, "CLOSED", DUE, null, 2);

        int all = TestTokens.as("department", tree.lead()).get("/api/v1/reminders").then().statusCode(200)
                .extract().path("total");
        TestTokens.as("department", tree.lead()).queryParam("status", "CANCELLED").get("/api/v1/reminders")
                .then().statusCode(200).body("total", equalTo(all)).body("items.status", everyItem(equalTo("CANCELLED")));
        TestTokens.as("department", tree.lead()).queryParam("size", 1).queryParam("page", 1).get("/api/v1/reminders")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("page", equalTo(1))
                .body("size", equalTo(1)).body("total", equalTo(all));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district()).queryParam("status", "SHOUTED").get("/api/v1/reminders")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("status"));
        TestTokens.as("supervisor", tree.district()).queryParam("subjectType", "MEETING").get("/api/v1/reminders")
                .then().statusCode(400).body("errors.field", hasItem("subjectType"));
        TestTokens.as("supervisor", tree.district()).queryParam("size", 101).get("/api/v1/reminders")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void supervisorRunsASweepThatIsAuditedWhileDepartmentsAndLeadersCannot() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        clock.set(DUE.minusDays(3), LocalTime.of(9, 0));

        TestTokens.as("department", tree.lead()).post("/api/v1/reminders/sweep").then().statusCode(403);
        TestTokens.as("leader", tree.district()).post("/api/v1/reminders/sweep").then().statusCode(403);
        assertEquals(0, rows.count("select count(*) from reminder where task_id = ?1", task),
                "a refused sweep created nothing");

        TestTokens.as("supervisor", tree.district()).post("/api/v1/reminders/sweep").then().statusCode(200)
                .body("subjects", greaterThanOrEqualTo(1))
                .body("reminders", greaterThanOrEqualTo(2))
                .body("deliveries", greaterThanOrEqualTo(2));
        assertEquals(2, rows.count("select count(*) from reminder where task_id = ?1", task));
        List<Object[]> audit = rows.rows("select entity_id, scope_org, action from audit_log "
                + "where entity = 'reminder-sweep' and actor = ?1", "supervisor@" + tree.district());
        assertEquals(1, audit.size());
        assertEquals(DUE.minusDays(3).toString(), audit.get(0)[0]);
        assertEquals(tree.district(), audit.get(0)[1]);
        assertEquals("sweep", audit.get(0)[2]);
    }

    private void sweepOn(LocalDate day) {
        clock.set(day, LocalTime.of(9, 0));
        sweep.sweep();
    }
}
