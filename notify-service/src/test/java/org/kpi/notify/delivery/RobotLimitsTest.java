package org.kpi.notify.delivery;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.RobotPeer;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hundred reminders due at once for one DingTalk robot: the robot never gets more than twenty in
 * a minute — counted on the timestamps it receives, which come from the test's clock — and every
 * one arrives in the end; a robot that says "too fast" is left alone for ten minutes.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class RobotLimitsTest {

    private static final String SECRET = "SEC-robot-limits-钉钉";

    @Inject
    NotifyFixture fixture;

    @Inject
    ReminderSweep sweep;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    NotifyRows db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aHundredRemindersReachOneDingTalkRobotNeverMoreThanTwentyInAMinute() {
        try (RobotPeer robot = new RobotPeer(ChannelType.DINGTALK, SECRET)) {
            NotifyFixture.Tree tree = robotTree(robot);
            List<Long> tasks = overdueTasks(tree, 100);

            sweep.sweep();
            for (int minute = 0; minute < 30 && open(tasks) > 0; minute++) {
                worker.drain();
                clock.advance(Duration.ofSeconds(20));
            }

            assertEquals(0, open(tasks), "all hundred sent in the end");
            List<Long> times = acceptedTimes(robot);
            assertTrue(times.size() >= 100, "all hundred accepted (a stalled attempt may repeat one)");
            assertTrue(robot.received().stream().allMatch(RobotPeer.Received::signatureValid));
            assertTrue(maxInAnyMinute(times) <= 20, "at most 20 in any 60 s, was " + maxInAnyMinute(times));
        }
    }

    @Test
    void aRobotThatSaysTooFastIsLeftAloneForTenMinutes() {
        try (RobotPeer robot = new RobotPeer(ChannelType.DINGTALK, SECRET)) {
            robot.answering(call -> call == 3
                    ? "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}" : null);
            NotifyFixture.Tree tree = robotTree(robot);
            List<Long> tasks = overdueTasks(tree, 10);

            sweep.sweep();
            for (int step = 0; step < 60 && open(tasks) > 0; step++) {
                worker.drain();
                clock.advance(Duration.ofSeconds(30));
            }

            assertEquals(0, open(tasks));
            // the ten went out in parallel (the window has room for 18); the third was refused, and
            // those not yet posted when the refusal came back wait with it
            RobotPeer.Received refused = robot.received().stream().filter(r -> r.answer().contains("130101"))
                    .findFirst().orElseThrow();
            long refusedAt = Long.parseLong(refused.query().get("timestamp"));
            List<Long> later = robot.received().stream().map(r -> Long.parseLong(r.query().get("timestamp")))
                    .filter(t -> t > refusedAt).toList();
            assertTrue(!later.isEmpty(), "the refused message was posted again");
            assertTrue(later.stream().allMatch(t -> t >= refusedAt + Duration.ofMinutes(10).toMillis()),
                    "nothing reached the robot for ten minutes after it said too fast: " + later);
            assertTrue(acceptedTimes(robot).size() >= 10, "all ten accepted in the end");
        }
    }

    private NotifyFixture.Tree robotTree(RobotPeer robot) {
        // the robot checks that timestamps are within an hour of its own time: the test starts now
        clock.set(Instant.now());
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("admin", tree.city()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\",\"notify\":[\"LEAD\"]}],"
                + "\"quietHours\":null}").put("/api/v1/reminder-policies/" + tree.district()).then().statusCode(200);
        TestTokens.as("supervisor", tree.district()).body("{\"channels\":[{\"type\":\"DINGTALK\",\"address\":\""
                + robot.url() + "\",\"secret\":\"" + SECRET + "\"}]}").put("/api/v1/contacts/" + tree.lead())
                .then().statusCode(200);
        return tree;
    }

    private List<Long> overdueTasks(NotifyFixture.Tree tree, int count) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = fixture.nextId();
            fixture.task(id, tree, "IN_PROGRESS", yesterday, null, 1);
            ids.add(id);
        }
        return ids;
    }

    private long open(List<Long> tasks) {
        return db.count("select count(*) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id between ?1 and ?2 and d.channel = 'DINGTALK' and d.status <> 'SENT'",
                tasks.get(0), tasks.get(tasks.size() - 1));
    }

    private static List<Long> acceptedTimes(RobotPeer robot) {
        return robot.received().stream().filter(r -> r.answer().contains("\"errcode\":0"))
                .map(r -> Long.parseLong(r.query().get("timestamp"))).sorted().toList();
    }

    private static int maxInAnyMinute(List<Long> sortedMillis) {
        int max = 0;
        for (int i = 0, j = 0; i < sortedMillis.size(); i++) {
            while (sortedMillis.get(i) - sortedMillis.get(j) >= 60_000) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }
}
