package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every list shows each caller exactly what its scope allows, and its total counts the same rows:
 * tasks, accountability records and supervision orders, for each kind of caller.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ScopedListsTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The ids a caller gets from {@code path} with paging large enough, checked against the total. */
    static Set<Long> ids(String role, String org, String path) {
        JsonPath page = TestTokens.as(role, org).get(path + (path.contains("?") ? "&" : "?") + "size=100")
                .then().statusCode(200).extract().jsonPath();
        List<Long> ids = page.getList("items.id", Long.class);
        assertEquals(page.getLong("total"), ids.size(), role + "@" + org + " " + path + ": total against items");
        // a one-row page counts the same rows
        long total = TestTokens.as(role, org).get(path + (path.contains("?") ? "&" : "?") + "size=1")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        assertEquals(ids.size(), total, role + "@" + org + " " + path + ": total of a short page");
        return new HashSet<>(ids);
    }

    static long taskOfDistrictB(OrgFixture.Tree tree, String title) {
        return TestTokens.as("supervisor", tree.districtB()).body("{\"title\":\"" + title + "\",\"leadUnitCode\":\""
                        + tree.b1() + "\",\"dueDate\":\"2026-12-31\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theTaskListAndItsTotalFollowEachCallersScope() {
        OrgFixture.Tree tree = orgs.tree();
        String title = "范围" + tree.city();
        long a = TaskApi.create(tree, title + "甲");
        long b = taskOfDistrictB(tree, title + "乙");
        String path = "/api/v1/tasks?q=" + title;
        assertEquals(Set.of(a), ids("supervisor", tree.districtA(), path));
        assertEquals(Set.of(b), ids("supervisor", tree.districtB(), path));
        assertEquals(Set.of(a), ids("department", tree.a1(), path));
        assertEquals(Set.of(a), ids("department", tree.a2(), path));
        assertEquals(Set.of(), ids("department", tree.a3(), path));
        assertEquals(Set.of(b), ids("department", tree.b1(), path));
        assertEquals(Set.of(a, b), ids("leader", tree.city(), path));
        assertEquals(Set.of(a), ids("leader", tree.districtA(), path));
        assertEquals(Set.of(a, b), ids("admin", "ROOT", path));
        assertEquals(Set.of(), ids("supervisor", "NO" + tree.city(), path));
    }

    @Test
    void accountabilityRecordsListedAndCountedWithinScope() {
        OrgFixture.Tree tree = orgs.tree();
        long a = TestTokens.as("supervisor", tree.districtA())
                .body("{\"orgUnitCode\":\"" + tree.a1() + "\",\"kind\":\"TALK\",\"reason\":\"进度滞后\"}")
                .post("/api/v1/accountability-records").then().statusCode(201).extract().jsonPath().getLong("id");
        long b = TestTokens.as("supervisor", tree.districtB())
                .body("{\"orgUnitCode\":\"" + tree.b1() + "\",\"kind\":\"NOTICE_CRITICISM\",\"reason\":\"进度滞后\"}")
                .post("/api/v1/accountability-records").then().statusCode(201).extract().jsonPath().getLong("id");
        String path = "/api/v1/accountability-records?orgUnit=" + tree.city();
        assertEquals(Set.of(a), ids("supervisor", tree.districtA(), path));
        assertEquals(Set.of(b), ids("supervisor", tree.districtB(), path));
        assertEquals(Set.of(a, b), ids("leader", tree.city(), path));
        assertEquals(Set.of(a, b), ids("admin", "ROOT", path));
        assertEquals(Set.of(a), ids("department", tree.a1(), path));
        assertEquals(Set.of(), ids("department", tree.a2(), path));
        assertEquals(Set.of(b), ids("leader", tree.city(), path + "&kind=NOTICE_CRITICISM"));
        assertEquals(Set.of(a), ids("leader", tree.city(), "/api/v1/accountability-records?orgUnit=" + tree.districtA()));
    }

    @Test
    void supervisionOrdersListedAndCountedWithinScope() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long taskA = TaskApi.inState(tree, "ASSIGNED");
        long taskB = taskOfDistrictB(tree, "乙区督办");
        TestTokens.as("supervisor", tree.districtB()).header("If-Match", "\"0\"")
                .post("/api/v1/tasks/" + taskB + "/assign").then().statusCode(200);
        String order = "{\"level\":\"URGE\",\"reason\":\"进度滞后\",\"respondBy\":\"2026-09-10\"}";
        long a = TestTokens.as("supervisor", tree.districtA()).body(order)
                .post("/api/v1/tasks/" + taskA + "/supervision-orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long b = TestTokens.as("supervisor", tree.districtB()).body(order)
                .post("/api/v1/tasks/" + taskB + "/supervision-orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String path = "/api/v1/supervision-orders";
        assertEquals(Set.of(a), ids("supervisor", tree.districtA(), path));
        assertEquals(Set.of(b), ids("supervisor", tree.districtB(), path));
        assertEquals(Set.of(a, b), ids("leader", tree.city(), path));
        assertEquals(Set.of(a), ids("department", tree.a1(), path));
        assertEquals(Set.of(a), ids("department", tree.a2(), path));
        assertEquals(Set.of(), ids("department", tree.a3(), path));
        assertEquals(Set.of(b), ids("department", tree.b1(), path + "?answered=false&level=URGE"));
    }
}
