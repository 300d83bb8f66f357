package org.kpi.task.calendar;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.task.TaskApi;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Loading a year's working-day calendar, and counting working days with it. Each test its own year. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class CalendarTest {

    @Inject
    WorkCalendars calendars;

    /** 1–8 Oct off (a Thursday to a Thursday), Sunday 27 Sep and Saturday 10 Oct worked, in {@code year}. */
    private static String nationalDay(int year) {
        StringBuilder holidays = new StringBuilder();
        for (int day = 1; day <= 8; day++) {
            holidays.append(day > 1 ? "," : "").append('"').append(LocalDate.of(year, 10, day)).append('"');
        }
        return "{\"holidays\":[" + holidays + "],\"workdays\":[\"" + LocalDate.of(year, 9, 27) + "\",\""
                + LocalDate.of(year, 10, 10) + "\"]}";
    }

    @Test
    void anAdminLoadsAYearAndWorkingDaysSkipTheNationalDayWeekButCountTheExchangedSaturday() {
        // 2037 lays out as 2026 does: 1 Oct a Thursday, 27 Sep a Sunday, 10 Oct a Saturday
        int year = 2037;
        TestTokens.as("department", "ANY").get("/api/v1/calendars/" + year).then().statusCode(200)
                .body("loaded", equalTo(false)).body("holidays", empty());
        TestTokens.as("admin", "ROOT").body(nationalDay(year)).put("/api/v1/calendars/" + year).then().statusCode(200)
                .body("loaded", equalTo(true)).body("version", equalTo(1))
                .body("workdays", contains(year + "-09-27", year + "-10-10"))
                .body("holidays", hasItem(year + "-10-01")).header("ETag", equalTo("\"1\""));
        TestTokens.as("supervisor", "ANY").get("/api/v1/calendars/" + year).then().statusCode(200)
                .body("holidays.size()", equalTo(8));

        WorkCalendar calendar = calendars.between(LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31));
        LocalDate assigned = LocalDate.of(year, 9, 30);
        assertEquals(LocalDate.of(year, 10, 9), calendar.plusWorkingDays(assigned, 1));
        assertEquals(LocalDate.of(year, 10, 10), calendar.plusWorkingDays(assigned, 2), "the exchanged Saturday counts");
        assertEquals(LocalDate.of(year, 10, 2), WorkCalendar.WEEKDAYS.plusWorkingDays(assigned, 2),
                "without the calendar the limit would fall in the holiday");

        // replaced as a whole; a stale version is refused
        TestTokens.as("admin", "ROOT").header("If-Match", "\"1\"").body("{\"holidays\":[],\"workdays\":[]}")
                .put("/api/v1/calendars/" + year).then().statusCode(200).body("version", equalTo(2)).body("holidays", empty());
        TaskApi.problem(TestTokens.as("admin", "ROOT").header("If-Match", "\"1\"").body(nationalDay(year))
                .put("/api/v1/calendars/" + year).then()).statusCode(409);
    }

    @Test
    void onlyAnAdminLoadsACalendarAndBadDaysAreRefusedByName() {
        int year = 2038;
        TaskApi.problem(TestTokens.as("supervisor", "ANY").body(nationalDay(year)).put("/api/v1/calendars/" + year)
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("department", "ANY").body(nationalDay(year)).put("/api/v1/calendars/" + year)
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("admin", "ROOT")
                .body("{\"holidays\":[\"2039-01-03\"],\"workdays\":[\"" + year + "-03-03\",\"" + year + "-10-02\"]}")
                .put("/api/v1/calendars/" + year).then()).statusCode(400)
                .body("errors.field", contains("holidays[0]", "workdays[0]"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("不是周六或周日")));
        TaskApi.problem(TestTokens.as("admin", "ROOT")
                .body("{\"holidays\":[\"" + year + "-10-02\"],\"workdays\":[\"" + year + "-10-02\"]}")
                .put("/api/v1/calendars/" + year).then()).statusCode(400);
        TaskApi.problem(TestTokens.as("admin", "ROOT").body("{\"holidays\":[\"x\"],\"workdays\":[]}")
                .put("/api/v1/calendars/" + year).then()).statusCode(400);
        TestTokens.as("admin", "ROOT").get("/api/v1/calendars/" + year).then().body("loaded", equalTo(false));
        TaskApi.problem(TestTokens.as("admin", "ROOT").get("/api/v1/calendars/1800").then()).statusCode(400);
    }
}
