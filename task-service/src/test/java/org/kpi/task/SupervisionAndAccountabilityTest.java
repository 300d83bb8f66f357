package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Supervision orders (督办单) and accountability records (问责), with their scope rules. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class SupervisionAndAccountabilityTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String order(String level, String respondBy) {
        return "{\"level\":\"" + level + "\",\"reason\":\"进度滞后\",\"respondBy\":\"" + respondBy + "\"}";
    }

    @Test
    void supervisorIssuesAnOrderAndTheLeadAnswersIt() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "IN_PROGRESS");
        long id = TestTokens.as("supervisor", tree.districtA()).body(order("URGE", "2026-09-05"))
                .post("/api/v1/tasks/" + task + "/supervision-orders").then().statusCode(201)
                .body("level", equalTo("URGE")).body("answered", equalTo(false)).body("overdue", equalTo(false))
                .extract().jsonPath().getLong("id");
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + task).then()
                .body("responseDueDate", equalTo("2026-09-05")).body("responseOverdue", equalTo(false));

        clock.setDate(LocalDate.of(2026, 9, 7));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?responseOverdue=true").then()
                .body("items.id", contains((int) task)).body("items[0].responseOverdue", equalTo(true));
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + task + "/supervision-orders").then()
                .statusCode(200).body("items[0].overdue", equalTo(true));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/supervision-orders?overdue=true").then()
                .statusCode(200).body("items.id", contains((int) id));
        TestTokens.as("department", tree.a2()).get("/api/v1/supervision-orders?overdue=true&level=URGE").then()
                .body("items.id", contains((int) id));
        TestTokens.as("department", tree.a3()).get("/api/v1/supervision-orders").then().body("total", equalTo(0));
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/supervision-orders").then()
                .body("total", equalTo(0));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/supervision-orders?level=X")
                .then()).statusCode(400);

        TaskApi.problem(TestTokens.as("department", tree.a2()).header("If-Match", TaskApi.orderETag(id))
                .body("{\"text\":\"已整改\"}")
                .post("/api/v1/supervision-orders/" + id + "/response").then()).statusCode(403);
        TaskApi.problem(TestTokens.as("department", tree.a3()).header("If-Match", TaskApi.orderETag(id))
                .body("{\"text\":\"已整改\"}")
                .post("/api/v1/supervision-orders/" + id + "/response").then()).statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.orderETag(id))
                .body("{\"text\":\"已整改\"}")
                .post("/api/v1/supervision-orders/" + id + "/response").then()).statusCode(403);
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.orderETag(id)).body("{\"text\":\"已整改，本月完成\"}")
                .post("/api/v1/supervision-orders/" + id + "/response").then().statusCode(200)
                .body("answered", equalTo(true)).body("overdue", equalTo(false))
                .body("responseText", equalTo("已整改，本月完成"));
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.orderETag(id))
                .body("{\"text\":\"再次反馈\"}")
                .post("/api/v1/supervision-orders/" + id + "/response").then()).statusCode(409);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?responseOverdue=true").then()
                .body("total", equalTo(0));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/supervision-orders?overdue=true").then()
                .body("total", equalTo(0));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/supervision-orders?answered=true").then()
                .body("items.id", contains((int) id));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/supervision-orders/" + id).then()
                .statusCode(200).body("answered", equalTo(true));
        TaskApi.problem(TestTokens.as("department", tree.a3()).get("/api/v1/supervision-orders/" + id).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).get("/api/v1/supervision-orders/" + id).then())
                .statusCode(404);
    }

    @Test
    void answeringAnOrderNeedsItsCurrentVersionInIfMatch() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "IN_PROGRESS");
        long id = TestTokens.as("supervisor", tree.districtA()).body(order("SUPERVISE", "2026-09-10"))
                .post("/api/v1/tasks/" + task + "/supervision-orders").then().statusCode(201)
                .header("ETag", "\"0\"").extract().jsonPath().getLong("id");
        String path = "/api/v1/supervision-orders/" + id + "/response";
        TaskApi.problem(TestTokens.as("department", tree.a1()).body("{\"text\":\"已整改\"}").post(path).then())
                .statusCode(428).body("type", equalTo("urn:kpi:problem:precondition-required"));
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", "\"3\"")
                        .body("{\"text\":\"已整改\"}").post(path).then())
                .statusCode(409).body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("department", tree.a1()).get("/api/v1/supervision-orders/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("answered", equalTo(false));
        TestTokens.as("department", tree.a1()).header("If-Match", "\"0\"").body("{\"text\":\"已整改\"}").post(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("answered", equalTo(true));
    }

    @Test
    void ordersAreForSupervisorsInScopeOnRunningTasks() {
        clock.setDate(LocalDate.of(2026, 9, 1));
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "IN_PROGRESS");
        String path = "/api/v1/tasks/" + task + "/supervision-orders";
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body(order("NOTICE", "2026-09-05")).post(path)
                .then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).body(order("NOTICE", "2026-09-05")).post(path)
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.districtA()).body(order("NOTICE", "2026-09-05")).post(path)
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(order("SCOLD", "2026-09-05")).post(path)
                .then()).statusCode(400).body("errors.field", hasItem("level"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(order("NOTICE", "2026-08-01")).post(path)
                .then()).statusCode(400).body("errors.field", hasItem("respondBy"));
        TaskApi.problem(TestTokens.as("department", tree.a3()).get(path).then()).statusCode(404);
        long draft = TaskApi.inState(tree, "DRAFT");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(order("LISTED", "2026-09-05"))
                .post("/api/v1/tasks/" + draft + "/supervision-orders").then())
                .statusCode(409).body("type", equalTo("urn:kpi:problem:illegal-transition"));
        TestTokens.as("supervisor", tree.city()).body(order("LISTED", "2026-09-05")).post(path).then()
                .statusCode(201);
    }

    @Test
    void accountabilityRecordsAreWrittenBySupervisorsAndReadInScope() {
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "IN_PROGRESS");
        String body = "{\"orgUnitCode\":\"" + tree.a1() + "\",\"kind\":\"TALK\",\"reason\":\"重点项目进度严重滞后\","
                + "\"taskId\":" + task + "}";
        long id = TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/accountability-records")
                .then().statusCode(201).body("kind", equalTo("TALK")).body("taskId", equalTo((int) task))
                .extract().jsonPath().getLong("id");
        TaskApi.problem(TestTokens.as("department", tree.a1()).body(body).post("/api/v1/accountability-records")
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.city()).body(body).post("/api/v1/accountability-records")
                .then()).statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body(body).post("/api/v1/accountability-records")
                .then()).statusCode(400).body("errors.field", hasItem("orgUnitCode"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                .body(body.replace(tree.a1(), tree.a1()).replace("TALK", "SPANKING"))
                .post("/api/v1/accountability-records").then()).statusCode(400).body("errors.field", hasItem("kind"));

        TestTokens.as("department", tree.a1()).get("/api/v1/accountability-records").then().statusCode(200)
                .body("items.id", contains((int) id));
        TestTokens.as("department", tree.a1()).get("/api/v1/accountability-records/" + id).then().statusCode(200);
        TestTokens.as("department", tree.a2()).get("/api/v1/accountability-records").then()
                .body("items.id", not(hasItem((int) id)));
        TaskApi.problem(TestTokens.as("department", tree.a2()).get("/api/v1/accountability-records/" + id).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).get("/api/v1/accountability-records/" + id)
                .then()).statusCode(404);
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/accountability-records").then()
                .body("items.id", not(hasItem((int) id)));
        TestTokens.as("leader", tree.city())
                .get("/api/v1/accountability-records?orgUnit=" + tree.districtA() + "&kind=TALK&taskId=" + task)
                .then().statusCode(200).body("items.id", contains((int) id));
        TaskApi.problem(TestTokens.as("leader", tree.city()).get("/api/v1/accountability-records?kind=X").then())
                .statusCode(400);
    }
}
