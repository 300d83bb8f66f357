package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request naming an org unit or a task outside the caller's scope learns nothing about whether
 * it exists: the answer is the same as for one that does not exist.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ScopeDisclosureTest {

    @Inject
    OrgFixture orgs;

    /** Status, media type and field errors, with the named code itself replaced. */
    static List<Object> answer(ExtractableResponse<Response> response, String code) {
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        return List.of(response.statusCode(), response.contentType(),
                errors.stream().map(e -> e.get("field") + ": " + e.get("message").replace(code, "X")).toList());
    }

    static ExtractableResponse<Response> task(OrgFixture.Tree tree, String org, String lead) {
        return TestTokens.as("supervisor", tree.districtA()).body("{\"title\":\"探测\",\"orgUnitCode\":\"" + org
                + "\",\"leadUnitCode\":\"" + lead + "\",\"dueDate\":\"2026-12-31\"}").post("/api/v1/tasks").then().extract();
    }

    static ExtractableResponse<Response> record(OrgFixture.Tree tree, String org, String taskId) {
        return TestTokens.as("supervisor", tree.districtA()).body("{\"orgUnitCode\":\"" + org
                        + "\",\"kind\":\"TALK\",\"reason\":\"探测\"" + (taskId == null ? "" : ",\"taskId\":" + taskId) + "}")
                .post("/api/v1/accountability-records").then().extract();
    }

    @Test
    void aTasksUnitsOutsideScopeAreRefusedLikeUnknownOnes() {
        OrgFixture.Tree tree = orgs.tree();
        String unknown = "NO" + tree.city();
        assertEquals(400, task(tree, tree.districtB(), tree.b1()).statusCode());
        assertEquals(answer(task(tree, tree.districtB(), tree.a1()), tree.districtB()),
                answer(task(tree, unknown, tree.a1()), unknown));
        assertEquals(answer(task(tree, tree.districtA(), tree.b1()), tree.b1()),
                answer(task(tree, tree.districtA(), unknown), unknown));
    }

    @Test
    void anAccountabilityRecordAgainstAUnitOrTaskOutsideScopeIsRefusedLikeAnUnknownOne() {
        OrgFixture.Tree tree = orgs.tree();
        String unknown = "NO" + tree.city();
        assertEquals(400, record(tree, tree.b1(), null).statusCode());
        assertEquals(answer(record(tree, tree.b1(), null), tree.b1()), answer(record(tree, unknown, null), unknown));
        long otherTask = TestTokens.as("supervisor", tree.districtB()).body("{\"title\":\"乙区任务\",\"leadUnitCode\":\""
                        + tree.b1() + "\",\"dueDate\":\"2026-12-31\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        String missingTask = Long.toString(otherTask + 1_000_000_000L);
        assertEquals(answer(record(tree, tree.a1(), Long.toString(otherTask)), Long.toString(otherTask)),
                answer(record(tree, tree.a1(), missingTask), missingTask));
    }
}
