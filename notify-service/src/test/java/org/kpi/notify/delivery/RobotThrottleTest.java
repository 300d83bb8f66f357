package org.kpi.notify.delivery;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.policies.EffectivePolicy;
import org.kpi.notify.policies.EscalationLadder;
import org.kpi.notify.policies.QuietHours;
import org.kpi.notify.policies.SmsRule;
import org.kpi.notify.reminders.ReminderRows;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robots' sliding windows, kept in the database for every replica, with a fixed clock. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class RobotThrottleTest {

    private static final Instant T0 = LocalDate.of(2027, 1, 4).atTime(LocalTime.of(9, 0)).atZone(TestClock.ZONE).toInstant();

    @Inject
    RobotThrottle throttle;

    @Inject
    TestClock clock;

    @Inject
    DeliveryPlanner planner;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDingTalkRobotTakesEighteenAMinuteAndTheNineteenthWaitsForTheFirstToLeaveTheWindow() {
        String robot = robot();
        clock.set(T0);
        for (int i = 0; i < 18; i++) {
            clock.set(T0.plusSeconds(i));
            assertEquals(Optional.empty(), throttle.acquire(ChannelType.DINGTALK, robot, 1), "post " + (i + 1));
        }
        clock.set(T0.plusSeconds(30));
        assertEquals(Optional.of(T0.plusSeconds(60)), throttle.acquire(ChannelType.DINGTALK, robot, 1));
        assertEquals(Optional.of(T0.plusSeconds(61)), throttle.acquire(ChannelType.DINGTALK, robot, 2),
                "two posts wait for two to leave");
        clock.set(T0.plusSeconds(60));
        assertEquals(Optional.empty(), throttle.acquire(ChannelType.DINGTALK, robot, 1));
        assertEquals(Optional.empty(), throttle.acquire(ChannelType.DINGTALK, robot(), 1), "another robot has its own window");
        assertEquals(Optional.empty(), throttle.acquire(ChannelType.WECOM, robot, 1), "and so has another type");
    }

    @Test
    void aFeishuBotTakesFourASecond() {
        String robot = robot();
        clock.set(T0);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), throttle.acquire(ChannelType.FEISHU, robot, 1));
        }
        assertEquals(Optional.of(T0.plusSeconds(1)), throttle.acquire(ChannelType.FEISHU, robot, 1));
        clock.set(T0.plusSeconds(1));
        assertEquals(Optional.empty(), throttle.acquire(ChannelType.FEISHU, robot, 1));
    }

    @Test
    void aRobotThatSaidItWasRateLimitedIsLeftAloneUntilItsBlockEnds() {
        String robot = robot();
        clock.set(T0);
        throttle.block(ChannelType.DINGTALK, robot, T0.plus(Duration.ofMinutes(10)));
        clock.set(T0.plus(Duration.ofMinutes(9)));
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(10))), throttle.acquire(ChannelType.DINGTALK, robot, 1));
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertEquals(Optional.empty(), throttle.acquire(ChannelType.DINGTALK, robot, 1));
    }

    @Test
    void webhooksAndMailAreNotThrottled() {
        clock.set(T0);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), throttle.acquire(ChannelType.WEBHOOK, "https://hooks.example.gov.cn/a", 1));
        }
    }

    @Test
    void workersOnSeveralReplicasTakingSlotsAtOnceNeverOverfillTheWindow() throws Exception {
        String robot = robot();
        clock.set(T0);
        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<Integer>> replicas = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                int taken = 0;
                for (int i = 0; i < 10; i++) {
                    if (throttle.acquire(ChannelType.WECOM, robot, 1).isEmpty()) {
                        taken++;
                    }
                }
                return taken;
            }));
        }
        int taken = 0;
        for (CompletableFuture<Integer> replica : replicas) {
            taken += replica.get(2, TimeUnit.MINUTES);
        }
        assertEquals(18, taken, "40 tries, 18 slots");
    }

    @Test
    void robotMessagesHeldByQuietHoursGoOutSpreadOverTenMinutesAfterItAndADigestStaysTogether() {
        Instant night = LocalDate.of(2027, 1, 4).atTime(LocalTime.of(23, 0)).atZone(TestClock.ZONE).toInstant();
        Instant end = LocalDate.of(2027, 1, 5).atTime(LocalTime.of(7, 30)).atZone(TestClock.ZONE).toInstant();
        clock.set(night);
        EffectivePolicy quiet = new EffectivePolicy("default", new EscalationLadder(List.of()),
                new QuietHours("22:00", "07:30"), false, SmsRule.DEFAULT);
        List<ContactChannel> channels = List.of(ContactChannel.INBOX,
                new ContactChannel(ChannelType.EMAIL, "fgj@example.gov.cn", null),
                new ContactChannel(ChannelType.DINGTALK, robot(), "s"));
        Set<Instant> robotTimes = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<ReminderRows.NewDelivery> planned = planner.plan(i, "U", "t", "x", "l", "{}", quiet, night, channels, "URGE");
            assertEquals(night, planned.get(0).nextAttemptAt(), "the inbox at once");
            assertEquals(end, planned.get(1).nextAttemptAt(), "e-mail at the end of the quiet hours");
            Instant robotAt = planned.get(2).nextAttemptAt();
            assertTrue(!robotAt.isBefore(end) && robotAt.isBefore(end.plus(Duration.ofMinutes(10))), robotAt.toString());
            robotTimes.add(robotAt);
        }
        assertTrue(robotTimes.size() > 30, "spread, not piled on 07:30: " + robotTimes.size() + " distinct times");

        EffectivePolicy digest = new EffectivePolicy("default", new EscalationLadder(List.of()), null, true, SmsRule.DEFAULT);
        Instant first = planner.plan(1, "U", "t", "x", "l", "{}", digest, night, channels, "URGE").get(2).nextAttemptAt();
        Instant second = planner.plan(2, "U", "t", "x", "l", "{}", digest, night, channels, "URGE").get(2).nextAttemptAt();
        assertEquals(first, second, "one digest group, one time");
    }

    @Test
    void theWindowArithmetic() {
        List<Instant> sent = List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20));
        Instant now = T0.plusSeconds(30);
        assertNull(RobotThrottle.freeAt(sent, 1, 4, Duration.ofMinutes(1), now));
        assertEquals(T0.plusSeconds(60), RobotThrottle.freeAt(sent, 2, 4, Duration.ofMinutes(1), now));
        assertEquals(T0.plusSeconds(80), RobotThrottle.freeAt(sent, 4, 4, Duration.ofMinutes(1), now));
        assertEquals(T0.plusSeconds(80), RobotThrottle.freeAt(sent, 9, 4, Duration.ofMinutes(1), now),
                "a message larger than the limit waits for an empty window");
        assertNull(RobotThrottle.freeAt(sent, 4, 4, Duration.ofMinutes(1), T0.plusSeconds(81)));
        assertTrue(RobotThrottle.key(ChannelType.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=x")
                .matches("DINGTALK:[0-9a-f]{64}"), "the token is not stored");
    }

    private static String robot() {
        return "https://oapi.dingtalk.com/robot/send?access_token=" + UUID.randomUUID();
    }
}
