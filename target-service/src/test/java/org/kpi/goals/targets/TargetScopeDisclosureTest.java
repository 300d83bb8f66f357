package org.kpi.goals.targets;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kpi.goals.Fixture;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request naming a unit outside the caller's scope learns nothing about whether that unit exists. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TargetScopeDisclosureTest {

    static String body(String indicator, String org, String responsible) {
        return "{\"indicatorCode\":\"" + indicator + "\",\"orgUnitCode\":\"" + org + "\",\"year\":2026,"
                + "\"committedValue\":110,\"responsibleUnitCode\":\"" + responsible + "\"}";
    }

    static ExtractableResponse<Response> post(String org, String body) {
        return TestTokens.as("supervisor", org).body(body).post("/api/v1/targets").then().extract();
    }

    /** The status and field errors of a refusal, with the unit code itself replaced. */
    static List<Object> answer(ExtractableResponse<Response> response, String code) {
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        return List.of(response.statusCode(), response.contentType(),
                errors.stream().map(e -> e.get("field") + ": " + e.get("message").replace(code, "X")).toList());
    }

    @Test
    void unknownAndOutOfScopeOrgUnitsOfATargetAreRefusedAlike() {
        Fixture f = new Fixture();
        String projects = f.projects();
        String unknown = "NO" + f.s;
        ExtractableResponse<Response> outOfScope = post(f.districtA, body(projects, f.districtB, f.deptB1));
        ExtractableResponse<Response> missing = post(f.districtA, body(projects, unknown, f.deptB1));
        assertEquals(400, outOfScope.statusCode());
        assertEquals(answer(outOfScope, f.districtB), answer(missing, unknown));
    }

    @Test
    void authorizationComesBeforeTheRestOfTheRequestIsChecked() {
        Fixture f = new Fixture();
        String unknownIndicator = "NOIND" + f.s;
        String unknown = "NO" + f.s;
        // with an unknown indicator as well, the answer still says nothing more about the unit
        ExtractableResponse<Response> outOfScope = post(f.districtA, body(unknownIndicator, f.districtB, f.deptB1));
        ExtractableResponse<Response> missing = post(f.districtA, body(unknownIndicator, unknown, f.deptB1));
        assertEquals(400, outOfScope.statusCode());
        assertEquals(List.of("orgUnitCode: 单位 X 不存在或不在本人辖区内"), answer(outOfScope, f.districtB).get(2));
        assertEquals(answer(outOfScope, f.districtB), answer(missing, unknown));
    }

    @Test
    void aResponsibleUnitElsewhereIsRefusedLikeAnUnknownOne() {
        Fixture f = new Fixture();
        String projects = f.projects();
        String unknown = "NO" + f.s;
        ExtractableResponse<Response> elsewhere = post(f.districtA, body(projects, f.districtA, f.deptB1));
        ExtractableResponse<Response> missing = post(f.districtA, body(projects, f.districtA, unknown));
        assertEquals(400, elsewhere.statusCode());
        assertEquals(answer(elsewhere, f.deptB1), answer(missing, unknown));
    }
}
