package org.kpi.notify.inbox;

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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unit's inbox over HTTP: its own messages only, unread first, read once. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class InboxApiTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);
    private static final Instant T0 = DUE.minusDays(3).atTime(9, 0).atZone(TestClock.ZONE).toInstant();

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
    void inboxListsTheUnitsOwnMessagesUnreadFirstThenNewestAndCountsTheUnread() {
        NotifyFixture.Tree tree = fixture.tree();
        remind(tree, 3);
        long first = rows.inbox(tree.lead(), "第一条", T0);
        long second = rows.inbox(tree.lead(), "第二条", T0.plus(Duration.ofHours(1)));
        long third = rows.inbox(tree.lead(), "第三条", T0.plus(Duration.ofHours(2)));
        long foreign = rows.inbox(tree.co(), "统计局的", T0.plus(Duration.ofHours(3)));
        rows.update("update inbox_message set read_at = ?2, read_by = 'someone' where id = ?1", third,
                T0.plus(Duration.ofHours(4)).atOffset(java.time.ZoneOffset.UTC));

        TestTokens.as("department", tree.lead()).get("/api/v1/inbox").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains((int) second, (int) first, (int) third))
                .body("items[0].title", equalTo("第二条"))
                .body("items[0].body", containsString("请及时办理"))
                .body("items[0].link", equalTo("http://localhost:8080/tasks/1"))
                .body("items[0].kind", equalTo("NOTICE"))
                .body("items[0].readAt", nullValue())
                .body("items[2].readBy", equalTo("someone"))
                .body("items.id", not(hasItem((int) foreign)));
        TestTokens.as("department", tree.lead()).queryParam("size", 2).queryParam("page", 1).get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", contains((int) third));
        TestTokens.as("department", tree.lead()).get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("count", equalTo(2));
        TestTokens.as("department", tree.co()).get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("count", equalTo(1));
    }

    @Test
    void unreadTrueAndFalseSplitTheListAndAnythingElseIsABadRequest() {
        NotifyFixture.Tree tree = fixture.tree();
        remind(tree, 2);
        long unread = rows.inbox(tree.lead(), "未读", T0);
        long read = rows.inbox(tree.lead(), "已读", T0.plus(Duration.ofMinutes(5)));
        rows.update("update inbox_message set read_at = now(), read_by = 'x' where id = ?1", read);

        TestTokens.as("department", tree.lead()).queryParam("unread", true).get("/api/v1/inbox").then()
                .statusCode(200).body("items.id", contains((int) unread));
        TestTokens.as("department", tree.lead()).queryParam("unread", false).get("/api/v1/inbox").then()
                .statusCode(200).body("items.id", contains((int) read));
        TestTokens.as("department", tree.lead()).queryParam("unread", "maybe").get("/api/v1/inbox").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("unread"));
    }

    @Test
    void readingMarksTheMessageOnceAndKeepsTheFirstReaderAndTime() {
        NotifyFixture.Tree tree = fixture.tree();
        remind(tree, 1);
        long message = rows.inbox(tree.lead(), "请填报进展", T0);
        clock.set(DUE.minusDays(2), LocalTime.of(8, 15));
        Instant firstRead = clock.instant();

        String readAt = TestTokens.as("department", tree.lead()).post("/api/v1/inbox/" + message + "/read")
                .then().statusCode(200).body("id", equalTo((int) message))
                .body("readBy", equalTo("department@" + tree.lead()))
                .extract().path("readAt");
        assertEquals(firstRead, OffsetDateTime.parse(readAt).toInstant());

        clock.advance(Duration.ofHours(3));
        String again = TestTokens.as("leader", tree.lead()).post("/api/v1/inbox/" + message + "/read")
                .then().statusCode(200).body("readBy", equalTo("department@" + tree.lead()))
                .extract().path("readAt");
        assertEquals(firstRead, OffsetDateTime.parse(again).toInstant());
        TestTokens.as("leader", tree.lead()).get("/api/v1/inbox/unread-count").then().statusCode(200)
                .body("count", equalTo(0));
        assertEquals(1L, rows.count("select count(*) from audit_log where entity = 'inbox-message' "
                + "and entity_id = ?1 and action = 'read'", Long.toString(message)), "one read, one audit entry");
    }

    @Test
    void anotherUnitsMessageIsNeitherListedNorReadableEvenForThoseWhoseScopeCoversIt() {
        NotifyFixture.Tree tree = fixture.tree();
        remind(tree, 1);
        long message = rows.inbox(tree.lead(), "发改局的站内信", T0);

        TestTokens.as("department", tree.co()).post("/api/v1/inbox/" + message + "/read").then().statusCode(404);
        TestTokens.as("supervisor", tree.district()).post("/api/v1/inbox/" + message + "/read").then().statusCode(404);
        TestTokens.as("admin", tree.city()).post("/api/v1/inbox/" + message + "/read").then().statusCode(404);
        TestTokens.as("supervisor", tree.district()).get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", not(hasItem((int) message)));
        TestTokens.as("department", tree.co()).get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", not(hasItem((int) message)));
        TestTokens.as("department", tree.lead()).get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", hasItem((int) message)).body("items[0].readAt", nullValue());
        assertEquals(null, rows.value("select read_at from inbox_message where id = ?1", message));
        TestTokens.as("department", tree.lead()).post("/api/v1/inbox/" + message + "/read").then().statusCode(200)
                .body("readAt", notNullValue());
    }

    /** Sweeps a fresh task of {@code tree} on {@code steps} steps of its ladder, so each unit has inbox deliveries. */
    private void remind(NotifyFixture.Tree tree, int steps) {
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);
        LocalDate[] days = {DUE.minusDays(3), DUE.minusDays(1), DUE.plusDays(1)};
        for (int i = 0; i < steps; i++) {
            clock.set(days[i], LocalTime.of(9, 0));
            sweep.sweep();
        }
        clock.reset();
    }
}
