package org.kpi.testing.contracts;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedConsumer;
import org.kpi.common.events.FeedEvent;
import org.kpi.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @ConfigProperty(name = "feed-stub.url")
    protected String stubUrl;

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

        assertThrows(IllegalStateException.class, () -> consumer.drain("target"));
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
