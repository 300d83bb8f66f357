package org.kpi.notify.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default ladder walked day by day with a fixed clock: who is reminded of what, once. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ReminderLadderTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);

    @Inject
    NotifyFixture fixture;

    @Inject
    ReminderSweep sweep;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    NotifyRows db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overdueTaskClimbsTheWholeDefaultLadderOneStepAtATime() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        assertEquals(List.of(), sweepOn(DUE.minusDays(4), task), "nothing before T-3");
        assertEquals(List.of("NOTICE -3 " + tree.lead(), "NOTICE -3 " + tree.co()), sweepOn(DUE.minusDays(3), task));
        assertEquals(List.of(), sweepOn(DUE.minusDays(3), task), "a second sweep the same day adds nothing");
        assertEquals(List.of(), sweepOn(DUE.minusDays(2), task));
        assertEquals(List.of("NOTICE -1 " + tree.lead(), "NOTICE -1 " + tree.co()), sweepOn(DUE.minusDays(1), task));
        assertEquals(List.of(), sweepOn(DUE, task));
        assertEquals(List.of("URGE 1 " + tree.lead()), sweepOn(DUE.plusDays(1), task));
        assertEquals(List.of("YELLOW 3 " + tree.lead(), "YELLOW 3 " + tree.district()), sweepOn(DUE.plusDays(3), task));
        assertEquals(List.of(), sweepOn(DUE.plusDays(5), task));
        assertEquals(List.of("RED 7 " + tree.district(), "RED 7 " + tree.city()), sweepOn(DUE.plusDays(7), task));
        assertEquals(List.of(), sweepOn(DUE.plusDays(30), task), "the ladder is done");

        List<Object[]> inbox = db.rows("select d.channel, d.status, d.title, d.body from delivery d join reminder r "
                + "on r.id = d.reminder_id where r.task_id = ?1 and r.kind = 'RED' and r.party = 'DISTRICT'", task);
        assertEquals(1, inbox.size());
        assertEquals("INBOX", inbox.get(0)[0]);
        assertEquals("PENDING", inbox.get(0)[1]);
        assertEquals("【红色预警】重点任务“推进重点项目建设" + task + "”已逾期 7 天", inbox.get(0)[2]);
        String body = (String) inbox.get(0)[3];
        assertTrue(body.contains("责任领导：张副区长"), body);
        assertTrue(body.contains("牵头单位：发展和改革局"), body);
        assertTrue(body.contains("http://localhost:8080/tasks/" + task), body);
    }

    @Test
    void taskAssignedLateGetsTheCurrentStepAtOnceAndNeverTheSupersededOnes() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        clock.set(DUE.plusDays(4), LocalTime.of(9, 0));
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        assertEquals(List.of("YELLOW 3 " + tree.lead(), "YELLOW 3 " + tree.district()), sweepOn(DUE.plusDays(4), task));
        assertEquals(List.of("RED 7 " + tree.district(), "RED 7 " + tree.city()), sweepOn(DUE.plusDays(8), task));
    }

    @Test
    void closingATaskMidwayWithdrawsWhatWaitsAndStopsTheLadder() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1);
        assertEquals(List.of("URGE 1 " + tree.lead()), sweepOn(DUE.plusDays(1), task));

        fixture.task(task, tree, "CLOSED", DUE, null, 2);

        assertEquals(List.of(), sweepOn(DUE.plusDays(3), task));
        assertEquals(List.of(), sweepOn(DUE.plusDays(7), task));
        List<Object[]> urge = db.rows("select r.status, d.status from reminder r join delivery d on d.reminder_id = r.id "
                + "where r.task_id = ?1", task);
        assertEquals(1, urge.size());
        assertEquals("CANCELLED", urge.get(0)[0]);
        assertEquals("CANCELLED", urge.get(0)[1]);
    }

    @Test
    void aCompletedMilestoneIsNoLongerChasedWhileAnOpenOneIs() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        long done = fixture.nextId();
        long open = fixture.nextId();
        LocalDate milestoneDue = LocalDate.of(2026, 9, 30);
        fixture.task(task, tree, "IN_PROGRESS", DUE, null, 1,
                fixture.milestone(done, "8月份拉出项目清单", milestoneDue, true),
                fixture.milestone(open, "9月底完成前期手续", milestoneDue, false));

        clock.set(milestoneDue.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        List<Object[]> rows = db.rows("select subject_id, kind from reminder where subject_type = 'MILESTONE' "
                + "and task_id = ?1", task);
        assertEquals(1, rows.size());
        assertEquals(open, ((Number) rows.get(0)[0]).longValue());
        assertEquals("URGE", rows.get(0)[1]);
    }

    @Test
    void weeklyTaskRemindsTheUnitThatHasNotReportedThisWeekOnFriday() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        LocalDate monday = LocalDate.of(2026, 11, 23);
        LocalDate friday = monday.plusDays(4);
        fixture.task(task, tree, "IN_PROGRESS", LocalDate.of(2026, 12, 31), "WEEKLY", 1);
        fixture.report(task, tree.co(), monday.minusDays(3)); // last week's report, on Friday
        fixture.report(task, tree.lead(), monday.plusDays(1));

        clock.set(friday.minusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(0, reportReminders(task).size(), "last week is reported, this week is not due yet");

        clock.set(friday, LocalTime.of(9, 0));
        sweep.sweep();
        List<Object[]> due = reportReminders(task);
        assertEquals(1, due.size());
        assertEquals(tree.co(), due.get(0)[0]);
        assertEquals("NOTICE", due.get(0)[1]);
        assertEquals(tree.co() + "|2026-W48", due.get(0)[2]);
        String body = (String) db.rows("select d.body from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.subject_type = 'REPORT' and r.subject_id = ?1", task).get(0)[0];
        assertTrue(body.startsWith("【提醒】重点任务“推进重点项目建设" + task + "”2026年第48周的进展今天截止，请及时报送\n"), body);
        assertTrue(body.contains("报送单位：统计局"), "the unit that owes the report, not the lead: " + body);

        fixture.report(task, tree.co(), friday);
        clock.set(friday.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(1, reportReminders(task).size(), "the report stopped the ladder");
    }

    @Test
    void targetWithoutItsActualIsChasedFromTheDueDayUntilTheActualIsSubmitted() {
        NotifyFixture.Tree tree = fixture.tree();
        long target = fixture.nextId();
        fixture.target(target, tree, "MONTHLY", 15, 2026);
        fixture.actual(target, "2026-09", "APPROVED");

        clock.set(LocalDate.of(2026, 11, 14), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(0, actualReminders(target).size(), "September is in, October is not due yet");

        clock.set(LocalDate.of(2026, 11, 15), LocalTime.of(9, 0));
        sweep.sweep();
        List<Object[]> due = actualReminders(target);
        assertEquals(1, due.size());
        assertEquals(tree.lead(), due.get(0)[0]);
        assertEquals("NOTICE", due.get(0)[1]);
        assertEquals("2026-10", due.get(0)[2]);

        clock.set(LocalDate.of(2026, 11, 16), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(2, actualReminders(target).size(), "URGE the day after");

        fixture.actual(target, "2026-10", "SUBMITTED");
        clock.set(LocalDate.of(2026, 11, 18), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(2, actualReminders(target).size(), "no YELLOW once submitted");
    }

    @Test
    void quietHoursHoldAnEmailSweptAfterMidnightUntilHalfPastSeven() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("admin", tree.city()).body("{\"channels\":[{\"type\":\"EMAIL\",\"address\":\"fgj@zhifu.gov.cn\"}]}")
                .put("/api/v1/contacts/" + tree.lead()).then().statusCode(200);
        long task = fixture.nextId();
        fixture.task(task, tree, "ASSIGNED", DUE, null, 1);

        clock.set(DUE.minusDays(3), LocalTime.of(0, 1));
        sweep.sweep();

        List<Object[]> lead = db.rows("select d.channel, d.next_attempt_at from delivery d join reminder r "
                + "on r.id = d.reminder_id where r.task_id = ?1 and r.org_unit_code = ?2 order by d.channel", task,
                tree.lead());
        assertEquals(2, lead.size());
        assertEquals("EMAIL", lead.get(0)[0]);
        assertEquals(DUE.minusDays(3).atTime(7, 30).atZone(TestClock.ZONE).toInstant(), NotifyRows.instant(lead.get(0)[1]),
                "the e-mail waits for the end of the quiet hours");
        assertEquals("INBOX", lead.get(1)[0]);
        assertEquals(clock.instant(), NotifyRows.instant(lead.get(1)[1]), "the inbox is silent and gets it at once");
    }

    /** Sweeps at 09:00 on {@code day}; the reminders it created for {@code task} as "KIND offset unit". */
    private List<String> sweepOn(LocalDate day, long task) {
        long before = count(task);
        clock.set(day, LocalTime.of(9, 0));
        sweep.sweep();
        return db.rows("select kind, offset_days, org_unit_code from reminder where task_id = ?1 and subject_type = 'TASK' "
                + "order by id offset ?2", task, before).stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2]).toList();
    }

    private long count(long task) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from reminder where task_id = ?1 and subject_type = 'TASK'").setParameter(1, task)
                .getSingleResult()).longValue());
    }

    private List<Object[]> reportReminders(long task) {
        return db.rows("select org_unit_code, kind, subject_key from reminder where subject_type = 'REPORT' "
                + "and subject_id = ?1 order by id", task);
    }

    private List<Object[]> actualReminders(long target) {
        return db.rows("select org_unit_code, kind, subject_key from reminder where subject_type = 'ACTUAL' "
                + "and subject_id = ?1 order by id", target);
    }

    @Test
    void unitsThatHaveNotSignedAreChasedFromTheLastDayOfTheLimitUntilTheySign() {
        NotifyFixture.Tree tree = fixture.tree();
        long task = fixture.nextId();
        LocalDate limit = LocalDate.of(2026, 11, 26);
        java.util.Map<String, Object> assigned = fixture.taskPayload(task, tree, "ASSIGNED", DUE, null, 1);
        assigned.put("signForDueDate", limit.toString());
        assigned.put("unsignedUnitCodes", List.of(tree.lead(), tree.co()));
        fixture.publish("task.upserted", Long.toString(task), assigned);

        clock.set(limit.minusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(List.of(), signForReminders(task), "nothing before the last day");

        clock.set(limit, LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(sorted(tree.lead() + " NOTICE", tree.co() + " NOTICE"), signForReminders(task));
        String body = (String) db.rows("select d.body from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.subject_type = 'SIGN_FOR' and r.subject_id = ?1 and r.org_unit_code = ?2", task,
                tree.co()).get(0)[0];
        assertTrue(body.startsWith("【提醒】重点任务“推进重点项目建设" + task + "”今天是签收期限，请及时签收\n"), body);
        assertTrue(body.contains("签收期限：11月26日") && body.contains("签收单位：统计局"), body);

        // both climb the ladder; the district office is told about each
        clock.set(limit.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();
        clock.set(limit.plusDays(3), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(sorted(tree.lead() + " NOTICE", tree.co() + " NOTICE", tree.lead() + " URGE", tree.co() + " URGE",
                tree.lead() + " YELLOW", tree.co() + " YELLOW", tree.district() + " YELLOW",
                tree.district() + " YELLOW"), signForReminders(task));
        String late = (String) db.rows("select d.body from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.subject_type = 'SIGN_FOR' and r.subject_id = ?1 and r.kind = 'URGE' and r.subject_key = ?2",
                task, tree.lead()).get(0)[0];
        assertTrue(late.startsWith("【催办】重点任务“推进重点项目建设" + task + "”尚未签收，已超过签收期限 1 天\n"), late);

        // the co-unit signs: what waits about it is withdrawn, to it and to the office; what is about the lead stays
        java.util.Map<String, Object> signed = fixture.taskPayload(task, tree, "ASSIGNED", DUE, null, 2);
        signed.put("signForDueDate", limit.toString());
        signed.put("unsignedUnitCodes", List.of(tree.lead()));
        fixture.publish("task.upserted", Long.toString(task), signed);
        List<String> statuses = db.rows("select subject_key, org_unit_code, kind, status from reminder "
                + "where subject_type = 'SIGN_FOR' and subject_id = ?1 and kind = 'YELLOW'", task).stream()
                .map(r -> (r[0].equals(tree.lead()) ? "lead" : "co") + "→" + (r[1].equals(tree.district()) ? "office" : "unit")
                        + " " + r[3]).sorted().toList();
        assertEquals(List.of("co→office CANCELLED", "co→unit CANCELLED", "lead→office PENDING", "lead→unit PENDING"),
                statuses);

        // the lead signs: nothing more, whatever the day
        java.util.Map<String, Object> all = fixture.taskPayload(task, tree, "IN_PROGRESS", DUE, null, 3);
        all.put("signForDueDate", limit.toString());
        all.put("unsignedUnitCodes", List.of());
        fixture.publish("task.upserted", Long.toString(task), all);
        clock.set(limit.plusDays(7), LocalTime.of(9, 0));
        sweep.sweep();
        assertEquals(8, signForReminders(task).size(), "no RED once every unit signed");
    }

    /** The task's sign-for reminders as "unit kind", sorted. */
    private List<String> signForReminders(long task) {
        return db.rows("select org_unit_code, kind from reminder where subject_type = 'SIGN_FOR' and subject_id = ?1",
                task).stream().map(r -> r[0] + " " + r[1]).sorted().toList();
    }

    private static List<String> sorted(String... reminders) {
        return java.util.Arrays.stream(reminders).sorted().toList();
    }
}
