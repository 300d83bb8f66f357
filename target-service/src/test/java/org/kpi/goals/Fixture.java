package org.kpi.goals;

import io.restassured.response.Response;
import org.kpi.testing.TestTokens;

import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * Builds the data a test needs through the real API: a city with two districts, each with two
 * departments, and indicators — all with codes unique to the test.
 */
public final class Fixture {

    public final String s = UUID.randomUUID().toString().substring(0, 8);
    public final String city = "C" + s;
    public final String districtA = "A" + s;
    public final String districtB = "B" + s;
    public final String deptA1 = "A" + s + "-FGJ";
    public final String deptA2 = "A" + s + "-TJJ";
    public final String deptB1 = "B" + s + "-FGJ";
    public final String deptB2 = "B" + s + "-TJJ";

    public Fixture() {
        org(city, "测试市", "CITY", null);
        org(districtA, "甲区", "DISTRICT", city);
        org(districtB, "乙区", "DISTRICT", city);
        org(deptA1, "甲区发改局", "DEPARTMENT", districtA);
        org(deptA2, "甲区统计局", "DEPARTMENT", districtA);
        org(deptB1, "乙区发改局", "DEPARTMENT", districtB);
        org(deptB2, "乙区统计局", "DEPARTMENT", districtB);
    }

    public static void org(String code, String name, String type, String parent) {
        String body = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + "}";
        TestTokens.as("admin", "ROOT").body(body).post("/api/v1/org-units").then().statusCode(201);
    }

    /** Creates an indicator; returns its code. */
    public String indicator(String suffix, String name, String unit, String kind, String direction, String frequency) {
        String code = "I" + s + suffix;
        TestTokens.as("admin", "ROOT").body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"unit\":\"" + unit
                        + "\",\"kind\":\"" + kind + "\",\"direction\":\"" + direction + "\",\"frequency\":\"" + frequency
                        + "\",\"actualsDueDay\":15}")
                .post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    /** Projects started (个), monthly, cumulative. */
    public String projects() {
        return indicator("P", "工业项目开工数", "个", "CUMULATIVE", "HIGHER_IS_BETTER", "MONTHLY");
    }

    /** GDP growth (%), monthly, growth rate. */
    public String gdpGrowth() {
        return indicator("G", "地区生产总值增速", "%", "GROWTH_RATE", "HIGHER_IS_BETTER", "MONTHLY");
    }

    /** Creates a target as the supervisor of {@code org}; returns its id. */
    public long target(String indicator, String org, String responsible, String committed) {
        return target(indicator, org, responsible, committed, null, null);
    }

    public long target(String indicator, String org, String responsible, String committed, String stretch, String plan) {
        Response response = TestTokens.as("supervisor", org).body("{\"indicatorCode\":\"" + indicator
                        + "\",\"orgUnitCode\":\"" + org + "\",\"year\":2026,\"committedValue\":" + committed
                        + (stretch == null ? "" : ",\"stretchValue\":" + stretch)
                        + (plan == null ? "" : ",\"plan\":" + plan)
                        + ",\"responsibleUnitCode\":\"" + responsible + "\"}")
                .post("/api/v1/targets");
        response.then().statusCode(201);
        return response.jsonPath().getLong("id");
    }

    /** Submits as the responsible department and approves as the org's supervisor; returns the actual's id. */
    public long approved(long target, String period, String value, String responsible, String org) {
        long id = submit(target, period, value, responsible);
        TestTokens.as("supervisor", org).header("If-Match", actualETag(id)).post("/api/v1/actuals/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        return id;
    }

    /** The current ETag of an actual (read as admin), for the If-Match that approval and return need. */
    public static String actualETag(long id) {
        Response response = TestTokens.as("admin", "ROOT").get("/api/v1/actuals/" + id);
        response.then().statusCode(200);
        return response.header("ETag");
    }

    public long submit(long target, String period, String value, String responsible) {
        Response response = TestTokens.as("department", responsible)
                .body("{\"period\":\"" + period + "\",\"value\":" + value + "}")
                .post("/api/v1/targets/" + target + "/actuals");
        response.then().statusCode(201).body("status", anyOf(equalTo("SUBMITTED")));
        return response.jsonPath().getLong("id");
    }
}
