package org.kpi.testing.contracts;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.ServiceTokens;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service that replicates the org tree must do: apply target-service's
 * {@code org-unit.upserted} events to its local copy exactly once, survive the producer being
 * down, and answer reads of the copy within the caller's scope. Runs against a
 * {@code FeedStubResource} standing in for target-service.
 */
public abstract class OrgReplicaContract {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    protected FeedConsumer consumer;

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected MeterRegistry registry;

    @Inject
    protected ServiceTokens tokens;

    @Inject
    protected TestClock clock;

    @ConfigProperty(name = "feed-stub.url")
    protected String stubUrl;

    @ConfigProperty(name = "kpi.feed.max-attempts", defaultValue = "5")
    protected int maxAttempts;

    @AfterEach
    void producerBackUp() {
        RestAssured.given().post(stubUrl + "/control/available?value=true").then().statusCode(204);
    }

    @Test
    public void orgUnitCreatedUpstreamAppearsInLocalCopy() {
        String city = unique("C");
        String district = unique("D");
        publish(upsert(city, "测试市", "CITY", null, 0));
        publish(upsert(district, "测试区", "DISTRICT", city, 0));

        assertTrue(consumer.drain("target") >= 2);

        RestAssured.given().auth().oauth2(TestTokens.token("supervisor", city))
                .get("/api/v1/org-units/" + district)
                .then().statusCode(200)
                .body("name", equalTo("测试区"))
                .body("parentCode", equalTo(city));
        assertTrue(RestAssured.given().get(stubUrl + "/control/requests").then().extract().asString()
                .matches("[1-9][0-9]*"), "the consumer must present a service token");
    }

    @Test
    public void sameEventTwiceHasOneEffect() throws Exception {
        String city = unique("C");
        String first = upsert(city, "重放市", "CITY", null, 0);
        publish(first);
        consumer.drain("target");
        String renamed = upsert(city, "重放市（更名）", "CITY", null, 1);
        publish(renamed);
        consumer.drain("target");

        // the same page delivered again: the cursor makes it a no-op
        FeedEvent again = mapper.readValue(renamed, FeedEvent.class);
        assertEquals(0, consumer.apply("target", List.of(again)));
        // an older version arriving under a fresh cursor must not roll the copy back
        FeedEvent stale = mapper.readValue(first, FeedEvent.class);
        assertEquals(1, consumer.apply("replay-" + city, List.of(stale)));
        assertEquals(1, consumer.apply("replay2-" + city, List.of(again)));

        RestAssured.given().auth().oauth2(TestTokens.token("admin", city))
                .get("/api/v1/org-units?parent=&type=CITY&size=100")
                .then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.token("supervisor", city))
                .get("/api/v1/org-units")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("重放市（更名）"))
                .body("items[0].version", equalTo(1));
    }

    @Test
    public void consumerRetriesWhileProducerIsDownAndCatchesUp() throws Exception {
        String city = unique("C");
        RestAssured.given().post(stubUrl + "/control/available?value=false").then().statusCode(204);
        publish(upsert(city, "断线市", "CITY", null, 0));

        assertThrows(RuntimeException.class, () -> consumer.drain("target"));
        consumer.pollDue(); // logs and backs off, never throws
        RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                .get("/api/v1/org-units/" + city).then().statusCode(404);

        RestAssured.given().post(stubUrl + "/control/available?value=true").then().statusCode(204);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 404;
        while (status != 200 && System.nanoTime() < deadline) {
            consumer.pollDue();
            status = RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                    .get("/api/v1/org-units/" + city).statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "the consumer must catch up once the producer is back");
    }

    @Test
    public void departmentCannotReadAnotherDistrictsUnitsInTheCopy() {
        String city = unique("C");
        String districtA = unique("DA");
        String districtB = unique("DB");
        String department = unique("DEP");
        publish(upsert(city, "范围市", "CITY", null, 0));
        publish(upsert(districtA, "甲区", "DISTRICT", city, 0));
        publish(upsert(districtB, "乙区", "DISTRICT", city, 0));
        publish(upsert(department, "甲区发改局", "DEPARTMENT", districtA, 0));
        consumer.drain("target");

        RestAssured.given().auth().oauth2(TestTokens.token("department", department))
                .get("/api/v1/org-units/" + districtB).then().statusCode(404);
        RestAssured.given().auth().oauth2(TestTokens.token("department", department))
                .get("/api/v1/org-units/" + department).then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.token("supervisor", districtB))
                .get("/api/v1/org-units/" + department).then().statusCode(404);
        RestAssured.given().auth().oauth2(TestTokens.token("leader", city))
                .get("/api/v1/org-units/" + department).then().statusCode(200);
    }

    @Test
    public void copyRefusesWritesWithAProblem() {
        TestTokens.as("admin", "ANY")
                .body("{\"code\":\"X1\",\"name\":\"x\",\"type\":\"CITY\"}")
                .post("/api/v1/org-units")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    public void poisonEventIsParkedAfterItsAttemptsAndTheFeedMovesOn() {
        String city = unique("C");
        String poison = unique("P");
        // a type the local table refuses: the handler fails every time, not only once
        publish(upsert(poison, "坏类型", "GALAXY", null, 0));
        publish(upsert(city, "毒后市", "CITY", null, 0));

        int failedPolls = 0;
        while (failedPolls < 20 && orgStatus(city) != 200) {
            try {
                consumer.drain("target");
            } catch (RuntimeException stuck) {
                failedPolls++;
            }
        }
        assertEquals(200, orgStatus(city), "the event after the poison one must be applied");
        assertEquals(maxAttempts - 1, failedPolls, "the poison event is tried max-attempts times, then parked");
        assertEquals(404, orgStatus(poison));

        TestTokens.as("admin", "ANY").get("/api/v1/feeds/dead-letters?feed=target&status=PARKED&size=100")
                .then().statusCode(200)
                .body("items.find { it.key == '" + poison + "' }.attempts", equalTo(maxAttempts))
                .body("items.find { it.key == '" + poison + "' }.type", equalTo("org-unit.upserted"))
                .body("items.find { it.key == '" + poison + "' }.error", containsString("事故编号"))
                .body("items.find { it.key == '" + poison + "' }.payload.name", equalTo("坏类型"));
    }

    @Test
    public void eventMissingAFieldIsParkedAtOnceWithAReadableError() {
        String city = unique("C");
        String broken = "{\"seq\":" + SEQ.incrementAndGet() + ",\"type\":\"org-unit.upserted\",\"occurredAt\":\""
                + Instant.now() + "\",\"key\":\"" + city + "\",\"payload\":{\"code\":\"" + city + "\"}}";
        publish(broken);

        consumer.drain("target"); // no exception, no retry: parked on the first attempt

        TestTokens.as("admin", "ANY").get("/api/v1/feeds/dead-letters?feed=target&size=100")
                .then().statusCode(200)
                .body("items.find { it.key == '" + city + "' }.attempts", equalTo(1))
                .body("items.find { it.key == '" + city + "' }.status", equalTo("PARKED"))
                .body("items.find { it.key == '" + city + "' }.error", containsString("name"));
    }

    @Test
    public void adminReplaysAParkedEventOnceItsCauseIsFixed() {
        String city = unique("C");
        String district = unique("D");
        // the district arrives before its city: it cannot be placed in the tree and is parked
        publish(upsert(district, "先到区", "DISTRICT", city, 0));
        consumer.drain("target");
        long id = TestTokens.as("admin", "ANY").get("/api/v1/feeds/dead-letters?feed=target&status=PARKED&size=100")
                .then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.key == '" + district + "' }.id");
        assertTrue(registry.get("kpi.feed.parked").tag("feed", "target").gauge().value() >= 1,
                "the parked gauge counts it");

        // replaying before the cause is fixed fails again, readably, and keeps it parked
        TestTokens.as("admin", "ANY").post("/api/v1/feeds/dead-letters/" + id + "/replay")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(city));

        publish(upsert(city, "后到市", "CITY", null, 0));
        consumer.drain("target");
        TestTokens.as("admin", "ANY").post("/api/v1/feeds/dead-letters/" + id + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("attempts", equalTo(3));
        assertEquals(200, orgStatus(district));
        TestTokens.as("admin", "ANY").post("/api/v1/feeds/dead-letters/" + id + "/replay")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    public void onlyAdminsSeeOrReplayDeadLetters() {
        TestTokens.as("supervisor", "ANY").get("/api/v1/feeds/dead-letters").then().statusCode(403);
        TestTokens.as("service", "SYSTEM").post("/api/v1/feeds/dead-letters/1/replay").then().statusCode(403);
        TestTokens.as("admin", "ANY").get("/api/v1/feeds/dead-letters/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        TestTokens.as("admin", "ANY").get("/api/v1/feeds/dead-letters?status=LOST").then().statusCode(400);
    }

    @Test
    public void lagIsExportedAndReadinessStaysUpWhileAnEventIsRetried() {
        String poison = unique("P");
        String city = unique("C");
        publish(upsert(poison, "坏类型", "GALAXY", null, 0));
        publish(upsert(city, "等候市", "CITY", null, 0));
        assertThrows(RuntimeException.class, () -> consumer.drain("target"));

        double lag = registry.get("kpi.feed.lag").tag("feed", "target").gauge().value();
        assertTrue(lag >= 2, "both events wait behind the failing one, lag was " + lag);
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'event-feeds' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-feeds' }.data['target.lag']", greaterThanOrEqualTo(2))
                .body("checks.find { it.name == 'event-feeds' }.data['target.failedPolls']", equalTo(0));

        for (int i = 0; i < maxAttempts && orgStatus(city) != 200; i++) {
            try {
                consumer.drain("target");
            } catch (RuntimeException stuck) {
                // retried until parked
            }
        }
        assertEquals(200, orgStatus(city));
        assertEquals(0.0, registry.get("kpi.feed.lag").tag("feed", "target").gauge().value());
    }

    @Test
    public void twoReplicasDrainingAtOnceApplyEachEventOnce() throws Exception {
        String city = unique("C");
        publish(upsert(city, "并发市", "CITY", null, 0));
        for (int i = 0; i < 30; i++) {
            publish(upsert(unique("D"), "并发区" + i, "DISTRICT", city, 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> replica = () -> {
                start.await();
                return consumer.drain("target");
            };
            Future<Integer> a = pool.submit(replica);
            Future<Integer> b = pool.submit(replica);
            start.countDown();
            assertEquals(31, a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void serviceTokenIsRenewedBeforeItExpires() throws Exception {
        String first = tokens.bearer();
        Instant expiry = tokens.expiry();
        clock.set(expiry.minus(Duration.ofSeconds(59)));
        try {
            String second = tokens.bearer();
            assertNotEquals(first, second, "a token with less than a minute left is replaced");
            assertTrue(tokens.expiry().isAfter(expiry));
            long exp = mapper.readTree(Base64.getUrlDecoder().decode(second.split("\\.")[1])).get("exp").asLong();
            assertEquals(tokens.expiry().getEpochSecond(), exp);
        } finally {
            clock.reset();
        }
    }

    private int orgStatus(String code) {
        return RestAssured.given().auth().oauth2(TestTokens.token("admin", "ANY"))
                .get("/api/v1/org-units/" + code).statusCode();
    }

    protected void publish(String event) {
        long seq = mapperSeq(event);
        RestAssured.given().contentType("application/json; charset=UTF-8").body(event).post(stubUrl + "/control/events?seq=" + seq).then().statusCode(204);
    }

    private long mapperSeq(String event) {
        try {
            return mapper.readTree(event).get("seq").asLong();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected static String upsert(String code, String name, String type, String parent, long version) {
        String now = Instant.now().toString();
        return "{\"seq\":" + SEQ.incrementAndGet() + ",\"type\":\"org-unit.upserted\",\"occurredAt\":\"" + now
                + "\",\"key\":\"" + code + "\",\"payload\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"type\":\"" + type + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"version\":" + version + ",\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\"}}";
    }
}
