package org.kpi.task;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.containsString;
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

    @Test
    void anEnumGivenAsANumberIsRefusedNotTakenAsTheNthConstant() {
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.create(tree, "问责枚举");
        for (String kind : new String[]{"3", "\"3\""}) {
            TaskApi.problem(TestTokens.as("supervisor", tree.districtA())
                            .body("{\"orgUnitCode\":\"" + tree.a1() + "\",\"kind\":" + kind
                                    + ",\"reason\":\"进度滞后\",\"taskId\":" + task + "}")
                            .post("/api/v1/accountability-records").then())
                    .statusCode(400).body("errors.field", hasItem("kind"));
        }
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/accountability-records?taskId=" + task).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNotTruncated() {
        OrgFixture.Tree tree = orgs.tree();
        long task = TaskApi.inState(tree, "ASSIGNED");
        TaskApi.problem(TestTokens.as("department", tree.a1()).body("{\"text\":\"进展\",\"percentDone\":1.5}")
                        .post("/api/v1/tasks/" + task + "/progress-reports").then())
                .statusCode(400).body("errors.field", hasItem("percentDone"));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + task + "/progress-reports").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aSecondJsonDocumentAfterTheBodyIsRefusedNotIgnored() {
        OrgFixture.Tree tree = orgs.tree();
        String body = TaskApi.body(tree, "两个文档", "2026-12-31", "2026-08-31");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(body + " {\"title\":\"第二个\"}")
                        .post("/api/v1/tasks").then())
                .statusCode(400).body("type", equalTo("urn:kpi:problem:malformed-body"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(body + " x")
                        .post("/api/v1/tasks").then())
                .statusCode(400);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=两个文档").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bidiOverridesAndControlsAreRefusedInTitlesAndFreeTextNamingTheField() {
        OrgFixture.Tree tree = orgs.tree();
        String title = TaskApi.body(tree, "正常\u202Egnp.exe", "2026-12-31", "2026-08-31");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(title).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("title"))
                .body("errors.find { it.field == 'title' }.message", containsString("U+202E"));
        String lineBreakInTitle = TaskApi.body(tree, "两行\n标题", "2026-12-31", "2026-08-31");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(lineBreakInTitle).post("/api/v1/tasks")
                .then()).statusCode(400).body("errors.field", hasItem("title"));
        String description = TaskApi.body(tree, "说明含控制符", "2026-12-31", "2026-08-31")
                .replace("\"测试任务\"", "\"第一段\\u2066隐藏\\u0007\"");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(description).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("description"));
        String coUnit = TaskApi.body(tree, "配合单位含控制符", "2026-12-31", "2026-08-31")
                .replace("\"coUnitCodes\":[\"", "\"coUnitCodes\":[\"\\u202D");
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body(coUnit).post("/api/v1/tasks").then())
                .statusCode(400).body("errors.field", hasItem("coUnitCodes[0]"));
        String paragraphs = TaskApi.body(tree, "说明分段", "2026-12-31", "2026-08-31")
                .replace("\"测试任务\"", "\"第一段\\n\\t第二段\"");
        TestTokens.as("supervisor", tree.districtA()).body(paragraphs).post("/api/v1/tasks").then().statusCode(201)
                .body("description", equalTo("第一段\n\t第二段"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks?q=a\u202Eb").then())
                .statusCode(400).body("errors.field", hasItem("q"));
    }
}
