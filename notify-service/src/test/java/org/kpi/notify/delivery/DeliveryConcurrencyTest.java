package org.kpi.notify.delivery;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.NotifyRows;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.notify.ShortTimeouts;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several workers on one database, a worker that dies holding its claims, and a peer that fails
 * half its calls: nothing is created twice, nothing is accepted twice, nothing is lost.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class DeliveryConcurrencyTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 10);
    private static final String SECRET = "并发-secret";

    @Inject
    NotifyFixture fixture;

    @Inject
    ReminderSweep sweep;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryStore store;

    @Inject
    NotifyConfig config;

    @Inject
    TestClock clock;

    @Inject
    NotifyRows db;

    private final List<WebhookPeer> peers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clock.reset();
        peers.forEach(WebhookPeer::close);
    }

    @Test
    void twoWorkersOverAThousandDueTasksCreateEachReminderOnceAndSendEachMessageOnce() throws Exception {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer();
        contacts(tree, peer);
        List<Long> tasks = tasks(tree, 1000);
        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));

        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                await(start);
                sweep.sweep();
                int idle = 0;
                while (idle < 2) {
                    idle = worker.drain().claimed() == 0 ? idle + 1 : 0;
                }
            }));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

        assertEquals(1000, db.count("select count(*) from reminder r where r.task_id between ?1 and ?2 "
                + "and r.org_unit_code = ?3", tasks.get(0), tasks.get(999), tree.lead()), "one URGE per task");
        assertEquals(0, db.count("select count(*) from (select 1 from reminder where task_id between ?1 and ?2 "
                + "group by subject_type, subject_id, subject_key, org_unit_code, offset_days having count(*) > 1) twice",
                tasks.get(0), tasks.get(999)));
        assertEquals(List.of("INBOX SENT 1000", "WEBHOOK SENT 1000"), db.rows("select d.channel, d.status, count(*) "
                        + "from delivery d join reminder r on r.id = d.reminder_id where r.task_id between ?1 and ?2 "
                        + "group by d.channel, d.status order by 1, 2", tasks.get(0), tasks.get(999)).stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
        assertEquals(1000, db.count("select count(*) from inbox_message where org_unit_code = ?1", tree.lead()));
        assertEquals(1000, peer.acceptedByKey().size());
        assertEquals(List.of(), peer.acceptedTwice(), "no message accepted twice");
        assertEquals(1000, peer.calls(), "and none even sent twice");
    }

    @Test
    void twoReplicasFiringTheScheduledSweepTogetherSweepOnceAndTheNextIntervalSweepsAgain() throws Exception {
        clock.set(DUE.plusDays(40), LocalTime.of(9, 0));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Boolean>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return sweep.sweepIfDue();
            }));
        }
        List<Boolean> swept = new ArrayList<>();
        for (CompletableFuture<Boolean> replica : replicas) {
            swept.add(replica.get(2, TimeUnit.MINUTES));
        }
        assertEquals(1, swept.stream().filter(Boolean::booleanValue).count(), swept.toString());
        clock.advance(Duration.ofSeconds(30));
        assertFalse(sweep.sweepIfDue(), "within the interval");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(sweep.sweepIfDue(), "the next interval");
    }

    @Test
    void aWorkerKilledAfterClaimingLeavesItsDeliveryToBeSentOnceItsLeaseEnds() {
        NotifyFixture.Tree tree = fixture.tree();
        WebhookPeer peer = peer();
        contacts(tree, peer);
        long task = tasks(tree, 1).get(0);
        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();

        // a worker claims everything due, then dies before sending or writing anything back
        List<ClaimedDelivery> claimedByTheDead = store.claim(10_000, config.delivery().lease());
        assertTrue(claimedByTheDead.stream().anyMatch(d -> d.orgUnitCode().equals(tree.lead())));

        worker.drain();
        assertEquals(0, peer.calls(), "held by the dead worker's lease");
        assertEquals(List.of("SENDING"), statuses(task, "WEBHOOK"));

        clock.advance(config.delivery().lease().plusSeconds(1));
        worker.drain();

        assertEquals(1, peer.calls());
        assertEquals(List.of("SENT"), statuses(task, "WEBHOOK"));
        assertEquals(List.of("SENT"), statuses(task, "INBOX"));
        assertEquals(2L, db.count("select d.attempts from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.channel = 'WEBHOOK'", task), "the dead worker's claim counts as an attempt");
    }

    @Test
    void aPeerFailingHalfItsCallsEndsWithEveryDeliverySentOrDeadAndNoneAcceptedTwice() {
        NotifyFixture.Tree tree = fixture.tree();
        // of every four calls: one answered 500, one timing out (ShortTimeouts waits 3 s), two accepted
        WebhookPeer peer = peer().answering(call -> switch (call % 4) {
            case 1 -> new WebhookPeer.Answer(500, 0);
            case 3 -> new WebhookPeer.Answer(503, 6_000);
            default -> WebhookPeer.Answer.OK;
        });
        contacts(tree, peer);
        List<Long> tasks = tasks(tree, 120);
        clock.set(DUE.plusDays(1), LocalTime.of(9, 0));
        sweep.sweep();

        for (int round = 0; round < 30 && open(tasks) > 0; round++) {
            worker.drain();
            clock.advance(Duration.ofHours(9));
        }

        assertEquals(0, open(tasks), "every delivery ended");
        List<Object[]> ends = db.rows("select d.status, cast(d.idempotency_key as text) from delivery d "
                + "join reminder r on r.id = d.reminder_id where r.task_id between ?1 and ?2 and d.channel = 'WEBHOOK'",
                tasks.get(0), tasks.get(tasks.size() - 1));
        assertEquals(120, ends.size());
        Map<String, Integer> accepted = peer.acceptedByKey();
        Set<String> sent = new HashSet<>();
        for (Object[] end : ends) {
            String status = (String) end[0];
            assertTrue(status.equals("SENT") || status.equals("DEAD"), status);
            if (status.equals("SENT")) {
                sent.add((String) end[1]);
                assertEquals(1, accepted.get((String) end[1]), "a sent delivery was accepted exactly once");
            } else {
                assertEquals(null, accepted.get((String) end[1]), "a dead delivery was never accepted");
            }
        }
        assertEquals(sent, accepted.keySet());
        assertEquals(List.of(), peer.acceptedTwice());
        assertTrue(peer.calls() > 120, "failures were retried: " + peer.calls() + " calls");
    }

    private long open(List<Long> tasks) {
        return db.count("select count(*) from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id between ?1 and ?2 and d.status not in ('SENT', 'DEAD')",
                tasks.get(0), tasks.get(tasks.size() - 1));
    }

    private List<Long> tasks(NotifyFixture.Tree tree, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = fixture.nextId();
            fixture.task(id, tree, "IN_PROGRESS", DUE, null, 1);
            ids.add(id);
        }
        return ids;
    }

    private List<String> statuses(long task, String channel) {
        return db.rows("select d.status from delivery d join reminder r on r.id = d.reminder_id "
                + "where r.task_id = ?1 and d.channel = ?2", task, channel).stream().map(r -> (String) r[0]).toList();
    }

    private WebhookPeer peer() {
        WebhookPeer peer = new WebhookPeer(SECRET);
        peers.add(peer);
        return peer;
    }

    private static void contacts(NotifyFixture.Tree tree, WebhookPeer peer) {
        TestTokens.as("supervisor", tree.district())
                .body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + peer.url() + "\",\"secret\":\"" + SECRET + "\"}]}")
                .put("/api/v1/contacts/" + tree.lead()).then().statusCode(200);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
