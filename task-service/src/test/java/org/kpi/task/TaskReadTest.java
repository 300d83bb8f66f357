package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task read alone or in a list carries each of its units and milestones once, in order. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskReadTest {

    @Inject
    OrgFixture orgs;

    @Test
    void aTaskWithSeveralUnitsAndMilestonesIsReadWithEachOnce() {
        OrgFixture.Tree tree = orgs.tree();
        String body = "{\"title\":\"老旧小区改造\",\"leadUnitCode\":\"" + tree.a1() + "\",\"coUnitCodes\":[\""
                + tree.a2() + "\",\"" + tree.a3() + "\"],\"dueDate\":\"2026-12-31\",\"milestones\":["
                + "{\"title\":\"拉出项目单子\",\"dueDate\":\"2026-08-31\"},"
                + "{\"title\":\"谋划前期\",\"dueDate\":\"2026-10-31\"},"
                + "{\"title\":\"完成准备\",\"dueDate\":\"2026-12-15\"}]}";
        long id = TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> titles = List.of("拉出项目单子", "谋划前期", "完成准备");

        JsonPath one = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(titles, one.getList("milestones.title"));
        assertEquals(List.of(tree.a2(), tree.a3()), one.getList("coUnitCodes"));
        assertEquals(tree.a1(), one.getString("leadUnitCode"));

        JsonPath listed = TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=老旧小区改造")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, listed.getInt("total"));
        assertEquals(titles, listed.getList("items[0].milestones.title"));
        assertEquals(List.of(tree.a2(), tree.a3()), listed.getList("items[0].coUnitCodes"));
    }

    @Test
    void aTaskReadBackIsTheViewItsLastWriteReturnedFieldForField() {
        OrgFixture.Tree tree = orgs.tree();
        String body = "{\"title\":\"新建口袋公园\",\"description\":\"城区新建口袋公园5处\",\"category\":\"民生\","
                + "\"leadUnitCode\":\"" + tree.a1() + "\",\"coUnitCodes\":[\"" + tree.a2() + "\"],"
                + "\"responsibleLeader\":\"李副区长\",\"startDate\":\"2026-03-01\",\"dueDate\":\"2026-11-30\","
                + "\"reportingCadence\":\"MONTHLY\",\"quantity\":{\"value\":5.5,\"unit\":\"处\"},"
                + "\"milestones\":[{\"title\":\"选址\",\"dueDate\":\"2026-05-31\"},"
                + "{\"title\":\"开工\",\"dueDate\":\"2026-08-31\"}]}";
        Map<String, Object> created = TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().jsonPath().getMap("");
        long id = ((Number) created.get("id")).longValue();
        assertEquals(created, read(tree, id));

        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/assign").then().statusCode(200);
        TestTokens.as("department", tree.a1()).body("{\"text\":\"已完成选址三处\",\"percentDone\":30,\"quantityReached\":3}")
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201);
        long milestone = ((Number) TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id)
                .then().statusCode(200).extract().jsonPath().getList("milestones.id").get(0)).longValue();
        Map<String, Object> completed = TestTokens.as("department", tree.a1()).header("If-Match", TaskApi.etag(id))
                .post("/api/v1/tasks/" + id + "/milestones/" + milestone + "/complete")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals("IN_PROGRESS", completed.get("status"));
        assertEquals(true, ((Map<?, ?>) ((List<?>) completed.get("milestones")).get(0)).get("completed"));
        assertEquals(completed, read(tree, id));
        assertEquals(completed, TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=新建口袋公园")
                .then().statusCode(200).extract().jsonPath().getMap("items[0]"));
    }

    private static Map<String, Object> read(OrgFixture.Tree tree, long id) {
        return TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }
}
