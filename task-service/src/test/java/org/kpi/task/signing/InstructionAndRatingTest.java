package org.kpi.task.signing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.task.OrgFixture;
import org.kpi.task.TaskApi;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Leader instructions (批示件) and the tasks made from them, the feedback report and who reads it;
 * the satisfaction rating given on closure (满意度).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class InstructionAndRatingTest {

    @Inject
    OrgFixture orgs;

    private static String instruction(String leaderUnit) {
        return "{\"leaderName\":\"区委书记 王明\"," + (leaderUnit == null ? "" : "\"leaderUnitCode\":\"" + leaderUnit + "\",")
                + "\"instructedOn\":\"2026-03-02\",\"documentTitle\":\"关于加快推进重点项目建设的报告\","
                + "\"documentNumber\":\"区发改呈〔2026〕5号\",\"text\":\"请发改局牵头，工信局配合，一季度拿出方案。\"}";
    }

    private static long taskFrom(OrgFixture.Tree tree, long instructionId, String title) {
        String body = TaskApi.body(tree, title, "2026-12-31", "2026-08-31")
                .replace("\"milestones\"", "\"instructionId\":" + instructionId + ",\"milestones\"");
        return TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks").then().statusCode(201)
                .body("instructionId", equalTo((int) instructionId))
                .body("source", equalTo("LEADER_INSTRUCTION"))
                .extract().jsonPath().getLong("id");
    }

    private static void close(OrgFixture.Tree tree, long id, String body, int status) {
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id)).body(body)
                .post("/api/v1/tasks/" + id + "/close").then().statusCode(status);
    }

    @Test
    void anInstructionIsDoneWhenItsTasksAreClosedAndItsLeaderReadsTheFeedback() {
        OrgFixture.Tree tree = orgs.tree();
        // who registers: supervisors and leaders of the scope, not departments nor another scope
        TestTokens.as("department", tree.a1()).body(instruction(null)).post("/api/v1/instructions").then()
                .statusCode(403);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB())
                .body(instruction(null).replace("{", "{\"orgUnitCode\":\"" + tree.districtA() + "\","))
                .post("/api/v1/instructions").then().statusCode(400));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(instruction(tree.a1()))
                .post("/api/v1/instructions").then().statusCode(400)).body("errors[0].field", equalTo("leaderUnitCode"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                .body(instruction(null).replace("2026-03-02", "2099-01-01")).post("/api/v1/instructions").then()
                .statusCode(400)).body("errors[0].field", equalTo("instructedOn"));

        long id = TestTokens.as("supervisor", tree.districtA()).body(instruction(null)).post("/api/v1/instructions")
                .then().statusCode(201)
                .body("orgUnitCode", equalTo(tree.districtA()))
                .body("leaderUnitCode", equalTo(tree.districtA()))
                .body("status", equalTo("PENDING"))
                .extract().jsonPath().getLong("id");
        // a city leader's instruction is read by the city's leaders, not the district's
        long cityLeader = TestTokens.as("leader", tree.city())
                .body(instruction(null).replace("{", "{\"orgUnitCode\":\"" + tree.districtA() + "\","))
                .post("/api/v1/instructions").then().statusCode(201)
                .body("leaderUnitCode", equalTo(tree.city())).extract().jsonPath().getLong("id");
        TestTokens.as("leader", tree.districtA()).get("/api/v1/instructions/" + cityLeader).then().statusCode(404);
        TestTokens.as("leader", tree.city()).get("/api/v1/instructions/" + cityLeader).then().statusCode(200);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/instructions/" + cityLeader).then()
                .statusCode(200);

        long first = taskFrom(tree, id, "制定重点项目推进方案");
        long second = taskFrom(tree, id, "建立项目调度机制");
        String third = TaskApi.body(tree, "商务领域配套措施", "2026-12-31", "2026-08-31")
                .replace("\"leadUnitCode\":\"" + tree.a1() + "\"", "\"leadUnitCode\":\"" + tree.a3() + "\"")
                .replace("\"coUnitCodes\":[\"" + tree.a2() + "\"]", "\"coUnitCodes\":[]")
                .replace("\"milestones\"", "\"instructionId\":" + id + ",\"milestones\"");
        long commerce = TestTokens.as("supervisor", tree.districtA()).body(third).post("/api/v1/tasks").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        // a task of district B cannot hang on district A's instruction, nor can B's supervisor see it
        TaskApi.problem(TestTokens.as("supervisor", tree.districtB())
                .body(TaskApi.body(tree, "乙区任务", "2026-12-31", "2026-08-31")
                        .replace(tree.a1(), tree.b1()).replace("[\"" + tree.a2() + "\"]", "[]")
                        .replace("\"milestones\"", "\"orgUnitCode\":\"" + tree.districtB() + "\",\"instructionId\":"
                                + id + ",\"milestones\""))
                .post("/api/v1/tasks").then().statusCode(400)).body("errors[0].field", equalTo("instructionId"));

        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/instructions/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("taskCount", equalTo(3))
                .body("tasks.id", contains((int) first, (int) second, (int) commerce))
                .body("tasks.status", contains("DRAFT", "DRAFT", "DRAFT"))
                .body("tasks.colour", hasSize(3));
        TestTokens.as("supervisor", tree.districtA())
                .get("/api/v1/tasks?instructionId=" + id).then().statusCode(200).body("total", equalTo(3));

        // the departments see the instruction with their own tasks only, counted so, and no feedback
        TestTokens.as("department", tree.a1()).get("/api/v1/instructions/" + id).then().statusCode(200)
                .body("tasks.id", contains((int) first, (int) second)).body("taskCount", equalTo(2));
        TestTokens.as("department", tree.a3()).get("/api/v1/instructions/" + id).then().statusCode(200)
                .body("tasks.id", contains((int) commerce)).body("taskCount", equalTo(1));
        TestTokens.as("department", tree.a3()).get("/api/v1/instructions").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.taskCount", equalTo(1));
        TestTokens.as("department", tree.b1()).get("/api/v1/instructions/" + id).then().statusCode(404);
        TestTokens.as("department", tree.b1()).get("/api/v1/instructions").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        TestTokens.as("department", tree.a1()).get("/api/v1/instructions/" + id + "/feedback").then().statusCode(403);
        TestTokens.as("leader", tree.districtB()).get("/api/v1/instructions/" + id + "/feedback").then()
                .statusCode(404);
        TestTokens.as("supervisor", tree.districtB()).get("/api/v1/instructions/" + id).then().statusCode(404);

        // both tasks run their course; one is cancelled, one closed with a rating
        TaskApi.assign(tree, first);
        TaskApi.report(tree.a1(), first, 100);
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(first))
                .body("{\"summary\":\"方案已经区政府常务会议审议通过\"}")
                .post("/api/v1/tasks/" + first + "/closure-request").then().statusCode(200);
        TestTokens.as("leader", tree.districtA()).get("/api/v1/instructions/" + id + "/feedback").then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("items[0].closureSummary", nullValue());
        close(tree, first, "{\"rating\":\"SATISFIED\",\"comment\":\"方案扎实\"}", 200);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(second))
                .body("{\"reason\":\"并入第一项\"}").post("/api/v1/tasks/" + second + "/cancel").then().statusCode(200);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(commerce))
                .body("{\"reason\":\"并入第一项\"}").post("/api/v1/tasks/" + commerce + "/cancel").then().statusCode(200);

        TestTokens.as("leader", tree.districtA()).get("/api/v1/instructions/" + id + "/feedback").then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("doneAt", not(nullValue()))
                .body("items.taskId", contains((int) first, (int) second, (int) commerce))
                .body("items[0].closureSummary", equalTo("方案已经区政府常务会议审议通过"))
                .body("items[0].rating", equalTo("SATISFIED"))
                .body("items[0].leadUnitName", equalTo("甲区发展和改革局"))
                .body("items[1].status", equalTo("CANCELLED"))
                .body("report", containsString("区委书记 王明于2026年3月2日在《关于加快推进重点项目建设的报告》"))
                .body("report", containsString("方案已经区政府常务会议审议通过"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/instructions").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.status", equalTo("DONE"))
                .body("items.find { it.id == " + id + " }.closedCount", equalTo(1))
                .body("items.find { it.id == " + id + " }.tasks", nullValue());
        TestTokens.as("admin", "ROOT").get("/api/v1/instructions/999999999/feedback").then().statusCode(404);
    }

    @Test
    void anUnsatisfiedRatingReturnsTheTaskWithTheCommentAndTheRatingTravelsInTheEvents() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "CLOSURE_REQUESTED");
        long after = Feeds.endSeq();
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"rating\":\"UNSATISFIED\"}").post("/api/v1/tasks/" + id + "/close").then().statusCode(400))
                .body("errors[0].field", equalTo("comment"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"rating\":\"GREAT\"}").post("/api/v1/tasks/" + id + "/close").then().statusCode(400));
        TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .body("{\"rating\":\"SATISFIED\"}").post("/api/v1/tasks/" + id + "/close").then().statusCode(403);

        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"rating\":\"UNSATISFIED\",\"comment\":\"开工项目与清单不符\"}")
                .post("/api/v1/tasks/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("lastReason", equalTo("开工项目与清单不符"))
                .body("rating", equalTo("UNSATISFIED"))
                .body("closedAt", nullValue());
        // closed on the second request, basically satisfied
        TaskApi.requestClosure(tree, id);
        close(tree, id, "{\"rating\":\"BASICALLY_SATISFIED\",\"comment\":\"佐证材料偏少\"}", 200);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then()
                .body("status", equalTo("CLOSED"))
                .body("rating", equalTo("BASICALLY_SATISFIED"))
                .body("ratingComment", equalTo("佐证材料偏少"));

        List<Map<String, Object>> items = TestTokens.as("service", "platform")
                .get("/api/v1/events?after=" + after + "&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<String> ratings = items.stream()
                .filter(e -> String.valueOf(id).equals(String.valueOf(e.get("key"))))
                .filter(e -> e.get("type").equals("task.returned") || e.get("type").equals("task.closed"))
                .map(e -> e.get("type") + ":" + ((Map<?, ?>) e.get("payload")).get("rating"))
                .toList();
        assertEquals(List.of("task.returned:UNSATISFIED", "task.closed:BASICALLY_SATISFIED"), ratings);

        // a closure without a rating stays possible, as before
        long plain = TaskApi.inState(tree, "CLOSED");
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + plain).then()
                .body("status", equalTo("CLOSED")).body("rating", nullValue());
    }
}
