package org.kpi.task.signing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.task.OrgFixture;
import org.kpi.task.TaskApi;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sign-for (签收): who may sign, when, the implicit signature of a first progress report, and the
 * working-day limit counted on a loaded calendar.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class SignForTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLeadAndEachCoUnitSignOnceAndNobodyElseCan() {
        OrgFixture.Tree tree = orgs.tree();
        long draft = TaskApi.create(tree, "尚未交办");
        TestTokens.as("department", tree.a1()).post("/api/v1/tasks/" + draft + "/sign-for").then().statusCode(409);

        long id = TaskApi.create(tree, "签收的任务");
        TaskApi.assign(tree, id);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .body("unsignedUnitCodes", contains(tree.a1(), tree.a2()))
                .body("signatures", empty())
                .body("signForDueDate", notNullValue())
                .body("assignedAt", notNullValue())
                .body("signForOverdue", equalTo(false));

        // a department without part in the task does not see it; other roles may not sign
        TestTokens.as("department", tree.a3()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(404);
        TestTokens.as("department", tree.b1()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(404);
        TestTokens.as("supervisor", tree.districtA()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(403);
        TestTokens.as("leader", tree.districtA()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(403);
        TestTokens.as("department", tree.a2()).header("If-Match", "\"0\"")
                .post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(409);

        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(200)
                .body("unsignedUnitCodes", contains(tree.a1()))
                .body("signatures[0].unitCode", equalTo(tree.a2()))
                .body("signatures[0].implicit", equalTo(false))
                .body("signatures[0].signedAt", notNullValue());
        TaskApi.problem(TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + id + "/sign-for").then()
                .statusCode(409)).body("detail", containsString("已于"));

        // the lead's first progress report signs for it
        TaskApi.report(tree.a1(), id, 10);
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .body("unsignedUnitCodes", empty())
                .body("signatures.find { it.unitCode == '" + tree.a1() + "' }.implicit", equalTo(true));
        TestTokens.as("department", tree.a1()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(409);

        long closed = TaskApi.inState(tree, "CLOSED");
        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + closed + "/sign-for").then().statusCode(409);
    }

    @Test
    void theLimitCountsWorkingDaysOnTheLoadedCalendarAcrossTheNationalDayWeek() {
        OrgFixture.Tree tree = orgs.tree();
        // 2036: 1–7 October off (Wednesday to Tuesday); Sunday 28 September and Saturday 11 October worked
        StringBuilder holidays = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            holidays.append(day > 1 ? "," : "").append("\"2036-10-0").append(day).append('"');
        }
        TestTokens.as("admin", "ROOT")
                .body("{\"holidays\":[" + holidays + "],\"workdays\":[\"2036-09-28\",\"2036-10-11\"]}")
                .put("/api/v1/calendars/2036").then().statusCode(200);

        clock.set(LocalDate.of(2036, 9, 30), LocalTime.of(9, 0));
        long beforeHoliday = TaskApi.create(tree, "节前交办", "2036-12-31", "2036-11-30");
        TaskApi.assign(tree, beforeHoliday);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + beforeHoliday).then()
                .body("signForDueDate", equalTo("2036-10-09"));

        clock.set(LocalDate.of(2036, 10, 10), LocalTime.of(17, 30));
        long beforeWorkedSaturday = TaskApi.create(tree, "调休前一天交办", "2036-12-31", "2036-11-30");
        TaskApi.assign(tree, beforeWorkedSaturday);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + beforeWorkedSaturday).then()
                .body("signForDueDate", equalTo("2036-10-13"));
        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + beforeWorkedSaturday + "/sign-for").then()
                .statusCode(200);

        clock.set(LocalDate.of(2036, 10, 13), LocalTime.of(16, 0));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + beforeWorkedSaturday).then()
                .body("signForOverdue", equalTo(false));
        clock.set(LocalDate.of(2036, 10, 14), LocalTime.of(9, 0));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + beforeWorkedSaturday).then()
                .body("signForOverdue", equalTo(true)).body("unsignedUnitCodes", contains(tree.a1()));

        String list = "/api/v1/tasks?orgUnit=" + tree.districtA() + "&size=100";
        TestTokens.as("supervisor", tree.districtA()).get(list + "&signForOverdue=true").then().statusCode(200)
                .body("items.id", hasItem((int) beforeWorkedSaturday))
                .body("items.id", hasItem((int) beforeHoliday))
                .body("items.signForOverdue", not(hasItem(false)));
        TestTokens.as("supervisor", tree.districtA()).get(list + "&signForOverdue=false").then().statusCode(200)
                .body("items.id", not(hasItem((int) beforeWorkedSaturday)));
        // a department's own queue: A2 signed the second task, A1 signed neither
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks?awaitingSignature=true&size=100").then()
                .statusCode(200)
                .body("items.id", hasItem((int) beforeHoliday))
                .body("items.id", not(hasItem((int) beforeWorkedSaturday)));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks?awaitingSignature=true&size=100").then()
                .statusCode(200)
                .body("items.id", hasItem((int) beforeHoliday))
                .body("items.id", hasItem((int) beforeWorkedSaturday));
        TaskApi.report(tree.a1(), beforeWorkedSaturday, 5);
        TestTokens.as("supervisor", tree.districtA()).get(list + "&signForOverdue=true").then()
                .body("items.id", not(hasItem((int) beforeWorkedSaturday)));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + beforeWorkedSaturday).then()
                .body("signForOverdue", equalTo(false)).body("unsignedUnitCodes", empty())
                .body("lastReason", nullValue());
    }

    @Test
    void theLeadMayAskForReassignmentAndTheSupervisorGrantsIt() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "改派的任务");
        TaskApi.assign(tree, id);
        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(200);
        String request = "/api/v1/tasks/" + id + "/reassignment-request";

        // the lead (and the supervisor) may see where the task could go: the district's other departments
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id + "/reassignment-candidates").then()
                .statusCode(200).body("code", contains(tree.a2(), tree.a3()))
                .body("name", contains("甲区工业和信息化局", "甲区商务局"));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id + "/reassignment-candidates").then()
                .statusCode(200).body("code", contains(tree.a2(), tree.a3()));
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + id + "/reassignment-candidates").then()
                .statusCode(403);
        TestTokens.as("department", tree.b1()).get("/api/v1/tasks/" + id + "/reassignment-candidates").then()
                .statusCode(404);

        // only the lead may ask
        TestTokens.as("department", tree.a2()).body("{\"reason\":\"不归我们管\"}").post(request).then().statusCode(403);
        TestTokens.as("department", tree.a3()).body("{\"reason\":\"不归我们管\"}").post(request).then().statusCode(404);
        TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"x\"}").post(request).then().statusCode(403);
        TaskApi.problem(TestTokens.as("department", tree.a1()).body("{\"reason\":\" \"}").post(request).then()
                .statusCode(400));
        TaskApi.problem(TestTokens.as("department", tree.a1())
                .body("{\"reason\":\"职能不符\",\"suggestedUnitCode\":\"" + tree.b1() + "\"}").post(request).then()
                .statusCode(400)).body("errors[0].field", equalTo("suggestedUnitCode"));

        TestTokens.as("department", tree.a1())
                .body("{\"reason\":\"该项工作由工信局牵头更合适\",\"suggestedUnitCode\":\"" + tree.a2() + "\"}")
                .post(request).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("fromUnitCode", equalTo(tree.a1()))
                .body("suggestedUnitCode", equalTo(tree.a2()));
        TestTokens.as("department", tree.a1()).body("{\"reason\":\"再申请一次\"}").post(request).then().statusCode(409);

        // only a supervisor of the task decides
        TestTokens.as("department", tree.a1()).body("{}").post(request + "/grant").then().statusCode(403);
        TestTokens.as("supervisor", tree.districtB()).body("{}").post(request + "/grant").then().statusCode(404);
        TestTokens.as("leader", tree.districtA()).body("{}").post(request + "/grant").then().statusCode(403);

        TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"同意\"}").post(request + "/grant").then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("newLeadUnitCode", equalTo(tree.a2()))
                .body("decisionReason", equalTo("同意"));
        // the co-unit made lead signs again as the lead; the old lead is out of the task
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .body("leadUnitCode", equalTo(tree.a2()))
                .body("coUnitCodes", empty())
                .body("signatures", empty())
                .body("unsignedUnitCodes", contains(tree.a2()));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then().statusCode(404);
        TestTokens.as("supervisor", tree.districtA()).body("{}").post(request + "/grant").then().statusCode(409);
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + id + "/reassignment-requests").then()
                .statusCode(200).body("status", contains("GRANTED"));

        // a lead that signed may still ask; the grant voids its signature
        TestTokens.as("department", tree.a2()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(200);
        TestTokens.as("department", tree.a2())
                .body("{\"reason\":\"签收后发现属商务局职责\",\"suggestedUnitCode\":\"" + tree.a3() + "\"}")
                .post(request).then().statusCode(201);
        TestTokens.as("supervisor", tree.districtA()).body("{}").post(request + "/grant").then().statusCode(200)
                .body("fromUnitCode", equalTo(tree.a2())).body("newLeadUnitCode", equalTo(tree.a3()));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then().statusCode(200)
                .body("leadUnitCode", equalTo(tree.a3()))
                .body("signatures", empty())
                .body("unsignedUnitCodes", contains(tree.a3()));
        TestTokens.as("department", tree.a2()).get("/api/v1/tasks/" + id + "/reassignment-requests").then()
                .statusCode(404);
        TestTokens.as("department", tree.a3()).get("/api/v1/tasks/" + id + "/reassignment-requests").then()
                .statusCode(200).body("status", contains("GRANTED", "GRANTED"));
    }

    @Test
    void aRefusalNeedsAReasonAndLeavesTheLead() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "拒绝改派的任务");
        String request = "/api/v1/tasks/" + id + "/reassignment-request";
        TestTokens.as("department", tree.a1()).body("{\"reason\":\"想改派\"}").post(request).then().statusCode(409);
        TaskApi.assign(tree, id);
        TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"无申请\"}").post(request + "/refuse").then()
                .statusCode(409);
        TestTokens.as("department", tree.a1()).body("{\"reason\":\"人手不足\"}").post(request).then().statusCode(201);
        // no unit suggested and none named: the grant cannot pick a lead
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{}").post(request + "/grant").then()
                .statusCode(400)).body("errors[0].field", equalTo("leadUnitCode"));
        TaskApi.problem(TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"\"}")
                .post(request + "/refuse").then().statusCode(400));
        TestTokens.as("supervisor", tree.districtA()).body("{\"reason\":\"职责明确，请按期办理\"}")
                .post(request + "/refuse").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decisionReason", equalTo("职责明确，请按期办理"));
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then()
                .body("leadUnitCode", equalTo(tree.a1())).body("unsignedUnitCodes", hasItem(tree.a1()));
        List<String> statuses = TestTokens.as("department", tree.a1())
                .get("/api/v1/tasks/" + id + "/reassignment-requests").then().statusCode(200)
                .extract().jsonPath().getList("status");
        assertEquals(List.of("REFUSED"), statuses);
        // after a refusal the lead may ask again, once
        TestTokens.as("department", tree.a1()).body("{\"reason\":\"补充理由\",\"suggestedUnitCode\":\"" + tree.a3() + "\"}")
                .post(request).then().statusCode(201);
        TestTokens.as("supervisor", tree.districtA()).body("{\"leadUnitCode\":\"" + tree.a1() + "\"}")
                .post(request + "/grant").then().statusCode(400);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"").body("{}")
                .post(request + "/grant").then().statusCode(409);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id)).body("{}")
                .post(request + "/grant").then().statusCode(200).body("newLeadUnitCode", equalTo(tree.a3()));
    }

    @Test
    void unitsChangedByAnEditGetTheirOwnTimeAndAnOpenRequestOfTheFormerLeadIsClosed() {
        OrgFixture.Tree tree = orgs.tree();
        clock.set(LocalDate.of(2026, 11, 2), LocalTime.of(9, 0));
        long id = TaskApi.create(tree, "调整单位的任务");
        TaskApi.assign(tree, id);
        TestTokens.as("department", tree.a1()).get("/api/v1/tasks/" + id).then()
                .body("signForDueDate", equalTo("2026-11-04"));
        clock.set(LocalDate.of(2026, 11, 10), LocalTime.of(9, 0));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id).then()
                .body("signForOverdue", equalTo(true));
        TestTokens.as("department", tree.a1()).body("{\"reason\":\"建议工信局牵头\"}")
                .post("/api/v1/tasks/" + id + "/reassignment-request").then().statusCode(201);

        // a co-unit added now has two working days from now; the version moves once
        String etag = TaskApi.etag(id);
        long version = Long.parseLong(etag.replace("\"", ""));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", etag)
                .body("{\"coUnitCodes\":[\"" + tree.a2() + "\",\"" + tree.a3() + "\"]}")
                .patch("/api/v1/tasks/" + id).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("signForDueDate", equalTo("2026-11-12"))
                .body("signForOverdue", equalTo(false))
                .body("unsignedUnitCodes", contains(tree.a1(), tree.a2(), tree.a3()));

        // the supervisor makes A3 lead by editing: the former lead's request is closed, not granted later
        TestTokens.as("department", tree.a3()).post("/api/v1/tasks/" + id + "/sign-for").then().statusCode(200);
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", TaskApi.etag(id))
                .body("{\"leadUnitCode\":\"" + tree.a3() + "\"}")
                .patch("/api/v1/tasks/" + id).then().statusCode(200)
                .body("leadUnitCode", equalTo(tree.a3()))
                .body("unsignedUnitCodes", hasItem(tree.a3()));
        TestTokens.as("supervisor", tree.districtA()).get("/api/v1/tasks/" + id + "/reassignment-requests").then()
                .statusCode(200).body("status", contains("REFUSED"))
                .body("decisionReason", contains("牵头单位已调整，申请自动关闭"));
        TestTokens.as("supervisor", tree.districtA()).body("{}")
                .post("/api/v1/tasks/" + id + "/reassignment-request/grant").then().statusCode(409);
        TestTokens.as("department", tree.a3()).body("{\"reason\":\"本局也不合适\"}")
                .post("/api/v1/tasks/" + id + "/reassignment-request").then().statusCode(201);
    }
}
