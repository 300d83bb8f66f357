package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several clients create the same thing at the same moment: one wins with 201, every other gets
 * a 409 problem — whether the service's own check or the database's unique constraint caught
 * it — and none a 500.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConcurrentCreateTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 4;

    @Test
    void concurrentCreationOfTheSameOrgUnitIsOne201AndOtherwise409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "R" + UUID.randomUUID().toString().substring(0, 8);
            String body = "{\"code\":\"" + code + "\",\"name\":\"并发市\",\"type\":\"CITY\"}";
            List<Response> responses = race(() -> TestTokens.as("admin", "ROOT").body(body), "/api/v1/org-units");
            assertOneCreatedOthersConflict(responses);
            TestTokens.as("admin", "ROOT").get("/api/v1/org-units/" + code).then().statusCode(200)
                    .body("name", equalTo("并发市"));
        }
    }

    @Test
    void concurrentCreationOfTheSameTargetIsOne201AndOtherwise409() throws Exception {
        Fixture f = new Fixture();
        for (int round = 0; round < ROUNDS; round++) {
            String indicator = f.indicator("R" + round, "并发指标" + round, "个", "CUMULATIVE", "HIGHER_IS_BETTER",
                    "MONTHLY");
            String body = "{\"indicatorCode\":\"" + indicator + "\",\"orgUnitCode\":\"" + f.districtA
                    + "\",\"year\":2026,\"committedValue\":120,\"responsibleUnitCode\":\"" + f.deptA1 + "\"}";
            List<Response> responses = race(() -> TestTokens.as("supervisor", f.districtA).body(body),
                    "/api/v1/targets");
            assertOneCreatedOthersConflict(responses);
            TestTokens.as("supervisor", f.districtA)
                    .get("/api/v1/targets?indicator=" + indicator + "&orgUnit=" + f.districtA).then()
                    .statusCode(200).body("total", equalTo(1));
        }
    }

    /** Every client's request, prepared (token signed) first, then released at once. */
    private static List<Response> race(Supplier<RequestSpecification> client, String path) throws Exception {
        List<RequestSpecification> requests = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            requests.add(client.get());
        }
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (RequestSpecification request : requests) {
                sent.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return request.post(path);
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedOthersConflict(List<Response> responses) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one creation wins: " + statuses);
        for (Response response : responses) {
            if (response.statusCode() == 201) {
                continue;
            }
            assertEquals(409, response.statusCode(), "the others conflict: " + statuses + " " + response.asString());
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            response.then().body("type", equalTo("urn:kpi:problem:conflict"));
            String text = response.asString();
            assertTrue(!text.contains("Exception") && !text.contains("SQL") && !text.contains("_key")
                    && !text.contains("pkey"), "no internals leak: " + text);
        }
    }
}
