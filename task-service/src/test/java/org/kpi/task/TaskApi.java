package org.kpi.task;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Small REST helpers shared by the task tests. */
public final class TaskApi {

    private TaskApi() {
    }

    /** A task body of district A, led by A1 with A2 as co-unit, one milestone. */
    public static String body(OrgFixture.Tree tree, String title, String dueDate, String milestoneDue) {
        return "{\"title\":\"" + title + "\",\"description\":\"测试任务\",\"category\":\"产业\","
                + "\"source\":\"政府工作报告\",\"leadUnitCode\":\"" + tree.a1() + "\",\"coUnitCodes\":[\""
                + tree.a2() + "\"],\"responsibleLeader\":\"张副区长\",\"startDate\":\"2026-01-01\","
                + "\"dueDate\":\"" + dueDate + "\",\"reportingCadence\":\"MONTHLY\","
                + "\"quantity\":{\"value\":110,\"unit\":\"个\"},"
                + "\"milestones\":[{\"title\":\"形成项目清单\",\"dueDate\":\"" + milestoneDue + "\"}]}";
    }

    /** Creates a task of district A as its supervisor; returns its id. */
    public static long create(OrgFixture.Tree tree, String title) {
        return create(tree, title, "2026-12-31", "2026-08-31");
    }

    public static long create(OrgFixture.Tree tree, String title, String dueDate, String milestoneDue) {
        return TestTokens.as("supervisor", tree.districtA()).body(body(tree, title, dueDate, milestoneDue))
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The task's current ETag (read as admin): the If-Match every lifecycle action needs. */
    public static String etag(long id) {
        Response response = TestTokens.as("admin", "ROOT").get("/api/v1/tasks/" + id);
        response.then().statusCode(200);
        return response.header("ETag");
    }

    /** The supervision order's current ETag (read as admin): the If-Match its response needs. */
    public static String orderETag(long id) {
        Response response = TestTokens.as("admin", "ROOT").get("/api/v1/supervision-orders/" + id);
        response.then().statusCode(200);
        return response.header("ETag");
    }

    public static void assign(OrgFixture.Tree tree, long id) {
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", etag(id))
                .post("/api/v1/tasks/" + id + "/assign").then().statusCode(200);
    }

    public static void report(String unit, long id, int percent) {
        TestTokens.as("department", unit)
                .body("{\"text\":\"已完成项目摸排\",\"percentDone\":" + percent + ",\"quantityReached\":30}")
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201);
    }

    public static void requestClosure(OrgFixture.Tree tree, long id) {
        TestTokens.as("department", tree.a1()).header("If-Match", etag(id)).body("{\"summary\":\"全部完成\"}")
                .post("/api/v1/tasks/" + id + "/closure-request").then().statusCode(200);
    }

    /** A task moved to {@code status} through the API. */
    public static long inState(OrgFixture.Tree tree, String status) {
        long id = create(tree, "状态 " + status);
        switch (status) {
            case "DRAFT" -> {
            }
            case "ASSIGNED" -> assign(tree, id);
            case "IN_PROGRESS" -> {
                assign(tree, id);
                report(tree.a1(), id, 20);
            }
            case "CLOSURE_REQUESTED" -> {
                assign(tree, id);
                report(tree.a1(), id, 100);
                requestClosure(tree, id);
            }
            case "CLOSED" -> {
                assign(tree, id);
                report(tree.a1(), id, 100);
                requestClosure(tree, id);
                TestTokens.as("supervisor", tree.districtA()).header("If-Match", etag(id))
                        .post("/api/v1/tasks/" + id + "/close")
                        .then().statusCode(200);
            }
            case "CANCELLED" -> TestTokens.as("supervisor", tree.districtA()).header("If-Match", etag(id))
                    .body("{\"reason\":\"不再需要\"}")
                    .post("/api/v1/tasks/" + id + "/cancel").then().statusCode(200);
            default -> throw new IllegalArgumentException(status);
        }
        return id;
    }

    /** Asserts a problem body that leaks nothing internal. */
    public static ValidatableResponse problem(ValidatableResponse response) {
        return response.contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("SQL")))
                .body(not(containsString("at org.")));
    }
}
