package org.kpi.notify.delivery;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Deliveries over HTTP: who sees which (never the address), and who may retry which, how. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class DeliveryApiTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);
    private static final String EMAIL = "fgj@zhifu.gov.cn";

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
    void departmentSeesItsOwnDeliveriesWithoutAnyAddress() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = remindedTask(tree);

        TestTokens.as("department", tree.lead()).get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.channel", containsInAnyOrder("INBOX", "EMAIL"))
                .body("items.orgUnitCode", everyItem(equalTo(tree.lead())))
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("items.attempts", everyItem(equalTo(0)))
                .body("items[0]", not(hasKey("address")))
                .body("items[0].title", containsString("推进重点项目建设" + task))
                .body(not(containsString(EMAIL)));
        TestTokens.as("department", tree.co()).get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orgUnitCode", equalTo(tree.co()))
                .body("items[0].channel", equalTo("INBOX"));
    }

    @Test
    void statusChannelAndOrgUnitFilterTheList() {
        NotifyFixture.Tree tree = fixture.tree();
        NotifyFixture.Tree other = fixture.tree();
        long task = remindedTask(tree);
        long email = rows.deliveries(task, tree.lead(), "EMAIL").get(0);
        rows.update("update delivery set status = 'DEAD', attempts = 5, last_error = '对方拒绝（HTTP 404）' where id = ?1",
                email);

        TestTokens.as("supervisor", tree.district()).queryParam("channel", "EMAIL").get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) email))
                .body("items[0].lastError", equalTo("对方拒绝（HTTP 404）"));
        TestTokens.as("supervisor", tree.district()).queryParam("status", "DEAD").get("/api/v1/deliveries")
                .then().statusCode(200).body("items.id", contains((int) email));
        TestTokens.as("supervisor", tree.district()).queryParam("orgUnit", tree.co()).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].orgUnitCode", equalTo(tree.co()));
        TestTokens.as("supervisor", tree.district()).get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(3));
        TestTokens.as("supervisor", other.district()).queryParam("orgUnit", tree.lead()).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("supervisor", tree.district()).queryParam("channel", "PIGEON").get("/api/v1/deliveries")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("channel"));
        TestTokens.as("supervisor", tree.district()).queryParam("status", "LOST").get("/api/v1/deliveries")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void supervisorRetriesADeadDeliveryNowAndItsFailedReminderIsPendingAgain() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = remindedTask(tree);
        long email = rows.deliveries(task, tree.lead(), "EMAIL").get(0);
        long reminder = rows.count("select reminder_id from delivery where id = ?1", email);
        rows.update("update delivery set status = 'DEAD', attempts = 5, last_error = '连接超时', "
                + "lease_until = now(), version = 4 where id = ?1", email);
        rows.update("update reminder set status = 'FAILED' where id = ?1", reminder);
        clock.set(DUE.minusDays(2), LocalTime.of(15, 30));

        String next = TestTokens.as("supervisor", tree.district()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(200).header("ETag", "\"5\"")
                .body("id", equalTo((int) email))
                .body("status", equalTo("RETRYING"))
                .body("attempts", equalTo(5))
                .body("lastError", equalTo("连接超时"))
                .body("version", equalTo(5))
                .extract().path("nextAttemptAt");
        assertEquals(clock.instant(), OffsetDateTime.parse(next).toInstant());
        Object[] stored = rows.rows("select d.status, d.lease_until, r.status from delivery d join reminder r "
                + "on r.id = d.reminder_id where d.id = ?1", email).get(0);
        assertEquals("RETRYING", stored[0]);
        assertNull(stored[1], "the lease is released");
        assertEquals("PENDING", stored[2], "the reminder waits for the new attempt");
        List<Object[]> audit = rows.rows("select action, scope_org, cast(before as text), cast(after as text) "
                + "from audit_log where entity = 'delivery' and entity_id = ?1", Long.toString(email));
        assertEquals(1, audit.size());
        assertEquals("retry", audit.get(0)[0]);
        assertEquals(tree.lead(), audit.get(0)[1]);
        assertEquals(true, ((String) audit.get(0)[2]).contains("DEAD"));
        assertEquals(true, ((String) audit.get(0)[3]).contains("RETRYING"));
    }

    @Test
    void retryingADeliveryThatWaitsToRetryBringsItForwardAndAStaleIfMatchIsAConflict() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = remindedTask(tree);
        long email = rows.deliveries(task, tree.lead(), "EMAIL").get(0);
        rows.update("update delivery set status = 'RETRYING', attempts = 2, next_attempt_at = now() + interval '1 hour' "
                + "where id = ?1", email);

        TestTokens.as("admin", tree.city()).header("If-Match", "\"7\"").post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(409).body("type", equalTo("urn:kpi:problem:stale-version"));
        Instant before = Instant.now();
        String next = TestTokens.as("admin", tree.city()).header("If-Match", "\"0\"")
                .post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(200).body("status", equalTo("RETRYING")).body("attempts", equalTo(2))
                .extract().path("nextAttemptAt");
        assertEquals(true, !OffsetDateTime.parse(next).toInstant().isAfter(Instant.now())
                && !OffsetDateTime.parse(next).toInstant().isBefore(before.minusSeconds(1)), "due now: " + next);
    }

    @Test
    void retryOfASentDeliveryIsAConflictInChineseAndChangesNothing() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = remindedTask(tree);
        long email = rows.deliveries(task, tree.lead(), "EMAIL").get(0);
        rows.update("update delivery set status = 'SENT', attempts = 1, sent_at = now() where id = ?1", email);

        TestTokens.as("supervisor", tree.district()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("detail", containsString("只有发送失败或等待重试的投递可以立即重试"));
        TestTokens.as("supervisor", tree.district()).post("/api/v1/deliveries/"
                        + rows.deliveries(task, tree.lead(), "INBOX").get(0) + "/retry")
                .then().statusCode(409);
        assertEquals("SENT", rows.value("select status from delivery where id = ?1", email));
        assertEquals(0L, rows.count("select version from delivery where id = ?1", email));
    }

    @Test
    void departmentsAndLeadersCannotRetryAndNobodyRetriesWhatTheyCannotSee() {
        NotifyFixture.Tree tree = fixture.tree();
        NotifyFixture.Tree other = fixture.tree();
        long task = remindedTask(tree);
        long email = rows.deliveries(task, tree.lead(), "EMAIL").get(0);
        rows.update("update delivery set status = 'DEAD', attempts = 5 where id = ?1", email);

        TestTokens.as("department", tree.lead()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(403);
        TestTokens.as("leader", tree.district()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(403);
        TestTokens.as("department", tree.co()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(404);
        TestTokens.as("supervisor", other.district()).post("/api/v1/deliveries/" + email + "/retry")
                .then().statusCode(404);
        TestTokens.as("supervisor", tree.district()).post("/api/v1/deliveries/999999999999/retry")
                .then().statusCode(404);
        assertEquals("DEAD", rows.value("select status from delivery where id = ?1", email));
        TestTokens.as("department", tree.co()).get("/api/v1/deliveries").then().statusCode(200)
                .body("items.id", not(hasItem((int) email)));
    }

    /**
     * A task whose lead has an e-mail channel, swept on its T-3 step: the lead gets an inbox and an
     * e-mail delivery, the co-unit an inbox delivery.
     */
    private long remindedTask(NotifyFixture.Tree tree) {
        TestTokens.as("admin", tree.city()).body("{\"channels\":[{\"type\":\"EMAIL\",\"address\":\"" + EMAIL + "\"}]}")
                .put("/api/v1/contacts/" + tree.lead()).then().statusCode(200);
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        clock.set(DUE.minusDays(3), LocalTime.of(9, 0));
        sweep.sweep();
        clock.reset();
        return task;
    }
}
