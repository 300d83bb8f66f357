package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Object-level authorization on every task endpoint: a department sees only tasks it leads or
 * co-works on (others are 404), only the lead requests closure, supervisors act in their
 * subtree, leaders read.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskAuthorizationTest {

    @Inject
    OrgFixture orgs;

    @Test
    void departmentCannotReadAnotherDepartmentsTask() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        TaskApi.problem(TestTokens.as("department", tree.a3()).get("/api/v1/tasks/" + id).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.b1()).get("/api/v1/tasks/" + id).then()).statusCode(404);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then().statusCode(200);
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + id).then().statusCode(200);
        TestTokens.as("department", tree.a3()).get("/api/v1/tasks?size=100").then().statusCode(200)
                .body("total", equalTo(0));
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void supervisorsAndLeadersSeeOnlyTheirSubtree() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "辖区任务");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).get("/api/v1/tasks/" + id).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("leader", tree.districtB()).get("/api/v1/tasks/" + id).then())
                .statusCode(404);
        TestTokens.as("supervisor", tree.city()).get("/api/v1/tasks/" + id).then().statusCode(200);
        TestTokens.as("leader", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200);
        TestTokens.as("leader", tree.city()).get("/api/v1/tasks/" + id).then().statusCode(200);
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/tasks?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        TestTokens.as("leader", tree.city()).get("/api/v1/tasks?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void onlySupervisorsCreateTasksAndOnlyWithinTheirScope() {
        OrgFixture.Tree tree = orgs.tree();
        String body = TaskApi.body(tree, "越权创建", "2026-12-31", "2026-08-31");
        TaskApi.problem(TestTokens.as("department", tree.a1()).body(body).post("/api/v1/tasks").then())
                .statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.districtA()).body(body).post("/api/v1/tasks").then())
                .statusCode(403);
        // a supervisor of district B cannot create a task of district A, nor lead it with A's departments
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB())
                        .body(body.replace("{\"title\"", "{\"orgUnitCode\":\"" + tree.districtA() + "\",\"title\""))
                        .post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("orgUnitCode"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).body(body).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("leadUnitCode"))
                .body("errors.field", hasItem("coUnitCodes[0]"));
        // a city supervisor may create a district's task
        TestTokens.as("supervisor", tree.city())
                .body(body.replace("{\"title\"", "{\"orgUnitCode\":\"" + tree.districtA() + "\",\"title\""))
                .post("/api/v1/tasks").then().statusCode(201).body("orgUnitCode", equalTo(tree.districtA()));
    }

    @Test
    void writesOutsideTheSubtreeAre404AndWrongRolesAre403() {
        OrgFixture.Tree tree = orgs.tree();
        long draft = TaskApi.create(tree, "草稿");
        String path = "/api/v1/tasks/" + draft;
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", "\"0\"")
                .body("{\"title\":\"改名\"}").patch(path).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", "\"0\"")
                .body("{\"title\":\"改名\"}").patch(path).then()).statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"title\":\"改名\"}").patch(path).then()).statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(draft))
                .post(path + "/assign").then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(draft))
                .post(path + "/assign").then()).statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(draft))
                .body("{\"reason\":\"x\"}")
                .post(path + "/cancel").then()).statusCode(404);

        long requested = TaskApi.inState(tree, "CLOSURE_REQUESTED");
        String requestedPath = "/api/v1/tasks/" + requested;
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(requested))
                .post(requestedPath + "/close").then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(requested))
                .post(requestedPath + "/close").then())
                .statusCode(403);
        TaskApi.problem(TestTokens.as("leader", tree.city()).header("If-Match", TaskApi.etag(requested))
                .post(requestedPath + "/close").then())
                .statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(requested))
                .body("{\"reason\":\"x\"}")
                .post(requestedPath + "/return").then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(requested))
                .body("{\"reason\":\"x\"}")
                .post(requestedPath + "/return").then()).statusCode(403);

        long closed = TaskApi.inState(tree, "CLOSED");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(closed))
                .body("{\"reason\":\"x\"}")
                .post("/api/v1/tasks/" + closed + "/reopen").then()).statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(closed))
                .body("{\"reason\":\"x\"}")
                .post("/api/v1/tasks/" + closed + "/reopen").then()).statusCode(403);
        TestTokens.as("supervisor", tree.city()).header("If-Match", TaskApi.etag(closed)).body("{\"reason\":\"市级复查\"}")
                .post("/api/v1/tasks/" + closed + "/reopen").then().statusCode(200);
    }

    @Test
    void onlyTheLeadRequestsClosure() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        String path = "/api/v1/tasks/" + id + "/closure-request";
        TaskApi.problem(TestTokens.as("department", tree.a2()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"完成\"}").post(path).then())
                .statusCode(403);
        TaskApi.problem(TestTokens.as("department", tree.a3()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"完成\"}").post(path).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"完成\"}").post(path)
                .then()).statusCode(403);
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"完成\"}").post(path).then().statusCode(200);
    }

    @Test
    void onlyParticipantsReportAndEachKeepsItsOwnReports() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "ASSIGNED");
        String path = "/api/v1/tasks/" + id + "/progress-reports";
        TaskApi.problem(TestTokens.as("department", tree.a3()).body("{\"text\":\"x\"}").post(path).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("department", tree.b1()).body("{\"text\":\"x\"}").post(path).then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"text\":\"x\"}").post(path).then())
                .statusCode(403);
        TaskApi.report(tree.a1(), id, 30);
        TaskApi.report(tree.a2(), id, 50);
        TaskApi.report(tree.a2(), id, 60);
        TestTokens.as("supervisor", tree.districtA()).get(path + "?unit=" + tree.a2()).then().statusCode(200)
                .body("total", equalTo(2)).body("items.unitCode", everyItem(equalTo(tree.a2())))
                .body("items.role", everyItem(equalTo("CO")));
        TestTokens.as("department", tree.a1()).get(path + "?unit=" + tree.a1()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].role", equalTo("LEAD"));
        TaskApi.problem(TestTokens.as("department", tree.a3()).get(path).then()).statusCode(404);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then().body("percentDone", equalTo(30));
    }

    @Test
    void milestoneCompletionIsForTheLeadOrASupervisor() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        long milestone = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().extract()
                .jsonPath().getLong("milestones[0].id");
        String path = "/api/v1/tasks/" + id + "/milestones/" + milestone + "/complete";
        TaskApi.problem(TestTokens.as("department", tree.a2()).header("If-Match", TaskApi.etag(id))
                .post(path).then()).statusCode(403);
        TaskApi.problem(TestTokens.as("department", tree.a3()).header("If-Match", TaskApi.etag(id))
                .post(path).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB()).header("If-Match", TaskApi.etag(id))
                .post(path).then()).statusCode(404);
        TaskApi.problem(TestTokens.as("leader", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post(path).then()).statusCode(403);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post(path).then().statusCode(200);
    }

    @Test
    void noTokenIs401() {
        TaskApi.problem(io.restassured.RestAssured.given().get("/api/v1/tasks").then()).statusCode(401);
        TaskApi.problem(io.restassured.RestAssured.given().get("/api/v1/accountability-records").then())
                .statusCode(401);
    }
}
