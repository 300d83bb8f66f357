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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Creating, reading, changing and listing tasks. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskApiTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createdTaskHasServerOwnedFieldsAndALocation() {
        OrgFixture.Tree tree = orgs.tree();
        String body = TaskApi.body(tree, "百亩智能制造园区开工", "2026-12-31", "2026-09-10")
                .replace("{\"title\"", "{\"id\":999,\"status\":\"CLOSED\",\"version\":42,\"colour\":\"RED\",\"title\"");
        TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks").then().statusCode(201)
                .header("Location", containsString("/api/v1/tasks/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("colour", equalTo("BLUE"))
                .body("overdue", equalTo(false))
                .body("reportingCadence", equalTo("MONTHLY"))
                .body("createdBy", equalTo("supervisor@" + tree.districtA()));
    }

    @Test
    void patchNeedsIfMatchAndAStaleOneIs409() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "修改测试");
        String path = "/api/v1/tasks/" + id;
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"title\":\"新\"}").patch(path).then())
                .statusCode(428);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"title\":\"新名称\",\"coUnitCodes\":[\"" + tree.a3() + "\"],\"dueDate\":\"2026-11-30\"}")
                .patch(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("新名称")).body("coUnitCodes", contains(tree.a3()))
                .body("dueDate", equalTo("2026-11-30")).body("description", equalTo("测试任务"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                        .body("{\"title\":\"再改\"}").patch(path).then())
                .statusCode(409).body("type", equalTo("urn:kpi:problem:stale-version"));
        TestTokens.as("supervisor", tree.districtA()).body("{\"title\":\"用版本号\",\"version\":1}")
                .patch(path).then().statusCode(200).body("version", equalTo(2));
        // the old co-unit lost access, the new one has it
        TestTokens.as("department", tree.a2()).get(path).then().statusCode(404);
        TestTokens.as("department", tree.a3()).get(path).then().statusCode(200);
    }

    @Test
    void twoConcurrentPatchesWithTheSameVersionExactlyOneWins() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "并发修改");
        String token = TestTokens.token("supervisor", tree.districtA());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String title = "并发 " + i;
                Callable<Integer> patch = () -> {
                    start.await();
                    return io.restassured.RestAssured.given().auth().oauth2(token)
                            .contentType("application/json").header("If-Match", "\"0\"")
                            .body("{\"title\":\"" + title + "\"}")
                            .patch("/api/v1/tasks/" + id).statusCode();
                };
                results.add(pool.submit(patch));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().body("version", equalTo(1));
    }

    @Test
    void everyWriteIsAuditedWithBeforeAndAfter() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/audit?entity=task&id=" + id).then()
                .statusCode(200)
                .body("items.action", hasItem("create"))
                .body("items.action", hasItem("assign"))
                .body("items.action", hasItem("report"));
    }

    @Test
    void patchKeepsCompletedMilestonesSentWithTheirIdAndDropsTheRest() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.inState(tree, "IN_PROGRESS");
        String path = "/api/v1/tasks/" + id;
        long milestone = TestTokens.as("supervisor", tree.districtA()).get(path).then().extract().jsonPath()
                .getLong("milestones[0].id");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post(path + "/milestones/" + milestone + "/complete").then()
                .statusCode(200);
        int version = TestTokens.as("supervisor", tree.districtA()).get(path).then().extract().path("version");
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"" + version + "\"")
                .body("{\"milestones\":[{\"id\":" + milestone + ",\"title\":\"清单\",\"dueDate\":\"2026-08-31\"},"
                        + "{\"title\":\"完成前期\",\"dueDate\":\"2026-10-31\"}]}")
                .patch(path).then().statusCode(200)
                .body("milestones", hasSize(2))
                .body("milestones[0].completed", equalTo(true))
                .body("milestones[1].completed", equalTo(false))
                .body("nextDueDate", equalTo("2026-10-31"));
    }

    @Test
    void invalidTasksAre400NamingEachField() {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{}").post("/api/v1/tasks").then())
                .statusCode(400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("leadUnitCode"))
                .body("errors.field", hasItem("dueDate"));
        String body = TaskApi.body(tree, "日期错误", "2026-06-30", "2026-08-31").replace("\"2026-01-01\"", "\"2026-07-01\"");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks").then())
                .statusCode(400)
                .body("errors.field", hasItem("startDate"))
                .body("errors.field", hasItem("milestones[0].dueDate"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                        .body(TaskApi.body(tree, "x", "2026-13-45", "2026-08-31")).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("dueDate"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                        .body(TaskApi.body(tree, "x", "2026-12-31", "2026-08-31").replace("MONTHLY", "DAILY"))
                        .post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("reportingCadence"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                        .body(TaskApi.body(tree, "x", "2026-12-31", "2026-08-31").replace("\"value\":110", "\"value\":-1"))
                        .post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("quantity.value"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                        .body(TaskApi.body(tree, "x", "2026-12-31", "2026-08-31")
                                .replace("\"coUnitCodes\":[\"" + tree.a2() + "\"]",
                                        "\"coUnitCodes\":[\"" + tree.a1() + "\",\"NOPE\"]"))
                        .post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("coUnitCodes[0]"))
                .body("errors.field", hasItem("coUnitCodes[1]"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"title\":").post("/api/v1/tasks")
                .then()).statusCode(400);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("[]").post("/api/v1/tasks").then())
                .statusCode(400);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/abc").then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/99999999999").then())
                .statusCode(404);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"\"}")
                .post("/api/v1/tasks/1/return").then()).statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void badListParametersAre400() {
        OrgFixture.Tree tree = orgs.tree();
        for (String query : List.of("status=OPEN", "colour=GREEN", "overdue=maybe", "dueBefore=tomorrow",
                "involvement=BOSS", "sort=salary", "size=101", "page=-1", "responseOverdue=1")) {
            TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?" + query).then())
                    .statusCode(400);
        }
    }

    @Test
    void listFiltersBySubtreeInvolvementStatusCategoryTextAndDate() {
        OrgFixture.Tree tree = orgs.tree();
        long draft = TaskApi.create(tree, "老旧小区改造 55 个", "2026-10-31", "2026-08-31");
        long running = TaskApi.inState(tree, "IN_PROGRESS");
        String sup = tree.districtA();
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?status=DRAFT,IN_PROGRESS&size=100").then()
                .statusCode(200).body("total", equalTo(2));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?status=IN_PROGRESS").then()
                .body("items.id", contains((int) running));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?q=老旧小区").then()
                .body("items.id", contains((int) draft));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?dueBefore=2026-11-01").then()
                .body("items.id", contains((int) draft));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?category=产业&sort=-dueDate").then()
                .body("items.id", contains((int) running, (int) draft));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?category=民生").then().body("total", equalTo(0));
        TestTokens.as("supervisor", tree.city()).get("/api/v1/tasks?orgUnit=" + tree.a2() + "&involvement=CO").then()
                .body("total", equalTo(2));
        TestTokens.as("supervisor", tree.city()).get("/api/v1/tasks?orgUnit=" + tree.a2() + "&involvement=LEAD")
                .then().body("total", equalTo(0));
        TestTokens.as("supervisor", tree.city()).get("/api/v1/tasks?orgUnit=" + tree.districtA()).then()
                .body("total", equalTo(2));
        TestTokens.as("supervisor", tree.city()).get("/api/v1/tasks?orgUnit=" + tree.districtB()).then()
                .body("total", equalTo(0));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks?involvement=LEAD").then()
                .body("total", equalTo(2));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks?involvement=CO").then()
                .body("total", equalTo(0));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?size=1&page=1&sort=id").then()
                .body("items.id", contains((int) running)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("total", equalTo(2));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?size=10&page=3").then()
                .body("items", hasSize(0)).body("total", equalTo(2));
    }

    @Test
    void overdueTaskTurnsYellowThenRedAfterSevenDaysAndListsFilterOnIt() {
        OrgFixture.Tree tree = orgs.tree();
        clock.setDate(LocalDate.of(2026, 8, 1));
        long late = TaskApi.inState(tree, "IN_PROGRESS");
        long onTrack = TaskApi.create(tree, "按期", "2026-12-31", "2026-11-30");
        TaskApi.assign(tree, onTrack);
        long draft = TaskApi.create(tree, "草稿不计逾期", "2026-08-05", "2026-08-02");
        String sup = tree.districtA();

        clock.setDate(LocalDate.of(2026, 8, 29));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks/" + late).then()
                .body("colour", equalTo("YELLOW")).body("overdue", equalTo(false));
        clock.setDate(LocalDate.of(2026, 9, 5));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks/" + late).then()
                .body("colour", equalTo("YELLOW")).body("overdue", equalTo(true)).body("daysOverdue", equalTo(5));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?colour=YELLOW").then()
                .body("items.id", contains((int) late));
        clock.setDate(LocalDate.of(2026, 9, 8));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks/" + late).then()
                .body("colour", equalTo("RED")).body("daysOverdue", equalTo(8));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?colour=RED").then().body("items.id", contains((int) late));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?overdue=true").then()
                .body("items.id", contains((int) late));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?overdue=false&sort=id").then()
                .body("items.id", contains((int) onTrack, (int) draft));
        TestTokens.as("supervisor", sup).get("/api/v1/tasks?colour=BLUE&sort=id").then()
                .body("items.id", contains((int) onTrack, (int) draft));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks?overdue=true").then()
                .body("items.id", contains((int) late));
    }
}
