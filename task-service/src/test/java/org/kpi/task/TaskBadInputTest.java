package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Input that the database could not take is a 400 naming the field, never a 500. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskBadInputTest {

    @Inject
    OrgFixture orgs;

    @Test
    void nulCharactersInTheBodyAreRefusedPerField() {
        OrgFixture.Tree tree = orgs.tree();
        String body = TaskApi.body(tree, "空字符\\u0000任务", "2026-12-31", "2026-08-31");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("title"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=空字符").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void nulCharactersInTheQueryAreRefused() {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).urlEncodingEnabled(false)
                .get("/api/v1/tasks?q=a%00b").then()).statusCode(400);
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).urlEncodingEnabled(false)
                .get("/api/v1/accountability-records?orgUnit=X%00").then()).statusCode(400);
    }

    @Test
    void datesFarOutsideThePlanYearsAreRefused() {
        OrgFixture.Tree tree = orgs.tree();
        String body = TaskApi.body(tree, "遥远的任务", "+9999999-01-01", "2026-08-31");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(body).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("dueDate"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?dueBefore=3000-01-01").then())
                .statusCode(400).body("errors.field", hasItem("dueBefore"));
    }

    @Test
    void emptyItemsInAStatusListAreRefused() {
        OrgFixture.Tree tree = orgs.tree();
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?status=ASSIGNED,,CLOSED").then())
                .statusCode(400).body("errors.field", hasItem("status"));
        TaskApi.problem(TestTokens.as("leader", tree.city()).get("/api/v1/tasks/export?status=,ASSIGNED").then())
                .statusCode(400);
    }

    @Test
    void unknownOrgUnitInAccountabilityFilterIsAnEmptyList() {
        OrgFixture.Tree tree = orgs.tree();
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/accountability-records?orgUnit=NO_SUCH_UNIT")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
