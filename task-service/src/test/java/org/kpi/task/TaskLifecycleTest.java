package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Every lifecycle transition, legal and illegal, through the HTTP API. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskLifecycleTest {

    @Inject
    OrgFixture orgs;

    @Test
    void taskGoesFromDraftToClosedAndBack() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "新开工亿元以上产业项目");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("leadUnitCode", equalTo(tree.a1()))
                .body("coUnitCodes", hasSize(1))
                .body("orgUnitCode", equalTo(tree.districtA()))
                .body("quantity.value", equalTo(110))
                .body("milestones[0].title", equalTo("形成项目清单"));

        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/assign").then()
                .statusCode(200).body("status", equalTo("ASSIGNED"));
        TestTokens.as("department", tree.a2()).body("{\"text\":\"配合完成摸排\",\"percentDone\":10}")
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201)
                .body("role", equalTo("CO")).body("unitCode", equalTo(tree.a2()));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then()
                .body("status", equalTo("IN_PROGRESS")).body("percentDone", equalTo(null));
        TaskApi.report(tree.a1(), id, 60);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then()
                .body("percentDone", equalTo(60)).body("quantityReached", equalTo(30));
        long milestone = TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then().extract()
                .jsonPath().getLong("milestones[0].id");
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/milestones/" + milestone + "/complete")
                .then().statusCode(200).body("milestones[0].completed", equalTo(true))
                .body("nextDueDate", equalTo("2026-12-31"));

        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"110 个项目全部开工\"}")
                .post("/api/v1/tasks/" + id + "/closure-request").then().statusCode(200)
                .body("status", equalTo("CLOSURE_REQUESTED")).body("closureSummary", equalTo("110 个项目全部开工"));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"reason\":\"缺少佐证材料\"}")
                .post("/api/v1/tasks/" + id + "/return").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("lastReason", equalTo("缺少佐证材料"));
        TaskApi.requestClosure(tree, id);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/close").then()
                .statusCode(200).body("status", equalTo("CLOSED"));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"reason\":\"复查发现问题\"}")
                .post("/api/v1/tasks/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id)).body("{\"reason\":\"任务调整\"}")
                .post("/api/v1/tasks/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @ParameterizedTest(name = "{1} from {0} is illegal")
    @CsvSource({
        "ASSIGNED, assign",
        "IN_PROGRESS, assign",
        "CLOSED, assign",
        "DRAFT, close",
        "ASSIGNED, close",
        "IN_PROGRESS, close",
        "CLOSED, close",
        "DRAFT, return",
        "IN_PROGRESS, return",
        "CLOSED, return",
        "DRAFT, reopen",
        "IN_PROGRESS, reopen",
        "CLOSURE_REQUESTED, reopen",
        "CANCELLED, reopen",
        "CLOSED, cancel",
        "CANCELLED, cancel",
        "CANCELLED, assign",
    })
    void supervisorTransitionFromWrongStateIs409NamingTransitionAndState(String state, String action) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"reason\":\"原因\"}")
                        .post("/api/v1/tasks/" + id + "/" + action).then())
                .statusCode(409)
                .body("type", equalTo("urn:kpi:problem:illegal-transition"))
                .body("detail", containsString(state))
                .body("detail", containsString(action.toUpperCase().replace("RETURN", "RETURN")));
    }

    @ParameterizedTest(name = "closure request from {0} is illegal")
    @CsvSource({"DRAFT", "ASSIGNED", "CLOSURE_REQUESTED", "CLOSED", "CANCELLED"})
    void closureRequestFromWrongStateIs409(String state) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .body("{\"summary\":\"完成\"}")
                        .post("/api/v1/tasks/" + id + "/closure-request").then())
                .statusCode(409)
                .body("detail", containsString(state))
                .body("detail", containsString("REQUEST_CLOSURE"));
    }

    @ParameterizedTest(name = "progress report in {0} is illegal")
    @CsvSource({"DRAFT", "CLOSURE_REQUESTED", "CLOSED", "CANCELLED"})
    void progressReportFromWrongStateIs409(String state) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        TaskApi.problem(TestTokens.as("department", tree.a2()).body("{\"text\":\"进展\"}")
                        .post("/api/v1/tasks/" + id + "/progress-reports").then())
                .statusCode(409)
                .body("detail", containsString(state))
                .body("detail", containsString("REPORT"));
    }

    @ParameterizedTest(name = "milestone completion in {0} is illegal")
    @CsvSource({"DRAFT", "CLOSURE_REQUESTED", "CLOSED", "CANCELLED"})
    void milestoneCompletionFromWrongStateIs409(String state) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        long milestone = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().extract()
                .jsonPath().getLong("milestones[0].id");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                        .post("/api/v1/tasks/" + id + "/milestones/" + milestone + "/complete").then())
                .statusCode(409)
                .body("detail", containsString(state))
                .body("detail", containsString("COMPLETE_MILESTONE"));
    }

    @ParameterizedTest(name = "edit in {0} is illegal")
    @CsvSource({"CLOSURE_REQUESTED", "CLOSED", "CANCELLED"})
    void editingAFinishedTaskIs409(String state) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        Response current = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", current.header("ETag"))
                        .body("{\"title\":\"新名称\"}").patch("/api/v1/tasks/" + id).then())
                .statusCode(409)
                .body("type", equalTo("urn:kpi:problem:illegal-transition"))
                .body("detail", containsString(state));
    }

    @Test
    void completingAMilestoneTwiceIs409() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        long milestone = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().extract()
                .jsonPath().getLong("milestones[0].id");
        String path = "/api/v1/tasks/" + id + "/milestones/" + milestone + "/complete";
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id)).post(path).then().statusCode(200);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .post(path).then()).statusCode(409);
        TaskApi.problem(TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/milestones/999999999/complete").then()).statusCode(404);
    }

    @Test
    void staleIfMatchOnALifecycleActionIs409() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "过期版本");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"7\"")
                        .post("/api/v1/tasks/" + id + "/assign").then())
                .statusCode(409).body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .post("/api/v1/tasks/" + id + "/assign").then().statusCode(200).header("ETag", "\"1\"");
    }

    @ParameterizedTest(name = "{1} from {0} without If-Match is 428")
    @CsvSource({
        "DRAFT, assign, supervisor",
        "DRAFT, cancel, supervisor",
        "IN_PROGRESS, closure-request, department",
        "IN_PROGRESS, milestone, department",
        "CLOSURE_REQUESTED, close, supervisor",
        "CLOSURE_REQUESTED, return, supervisor",
        "CLOSED, reopen, supervisor",
    })
    void lifecycleActionWithoutIfMatchIs428AndChangesNothing(String state, String action, String role) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        String before = TaskApi.etag(id);
        TaskApi.problem(act(tree, id, action, role, null).then())
                .statusCode(428)
                .body("type", equalTo("urn:kpi:problem:precondition-required"))
                .body("detail", containsString("If-Match"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then()
                .header("ETag", before).body("status", equalTo(state));
    }

    @ParameterizedTest(name = "{1} from {0} with a stale If-Match is 409")
    @CsvSource({
        "DRAFT, assign, supervisor",
        "DRAFT, cancel, supervisor",
        "IN_PROGRESS, closure-request, department",
        "IN_PROGRESS, milestone, department",
        "CLOSURE_REQUESTED, close, supervisor",
        "CLOSURE_REQUESTED, return, supervisor",
        "CLOSED, reopen, supervisor",
    })
    void lifecycleActionWithAStaleIfMatchIs409AndChangesNothing(String state, String action, String role) {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, state);
        String before = TaskApi.etag(id);
        long version = Long.parseLong(before.replace("\"", ""));
        TaskApi.problem(act(tree, id, action, role, "\"" + (version + 1) + "\"").then())
                .statusCode(409)
                .body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then()
                .header("ETag", before).body("status", equalTo(state));
        act(tree, id, action, role, before).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"");
    }

    /** Performs a lifecycle action as the district supervisor or the lead unit, with the given If-Match (or none). */
    private static Response act(OrgFixture.Tree tree, long id, String action, String role, String ifMatch) {
        RequestSpecification request = TestTokens.as(role, "supervisor".equals(role) ? tree.districtA() : tree.a1());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        String path = "/api/v1/tasks/" + id;
        return switch (action) {
            case "milestone" -> {
                long milestone = TestTokens.as("supervisor", tree.districtA()).get(path).then().extract()
                        .jsonPath().getLong("milestones[0].id");
                yield request.post(path + "/milestones/" + milestone + "/complete");
            }
            case "closure-request" -> request.body("{\"summary\":\"全部完成\"}").post(path + "/closure-request");
            case "assign", "close" -> request.post(path + "/" + action);
            default -> request.body("{\"reason\":\"原因\"}").post(path + "/" + action);
        };
    }
}
