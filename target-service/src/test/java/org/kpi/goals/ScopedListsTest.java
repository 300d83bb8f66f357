package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every list shows each caller exactly what its scope allows, and its total counts the same rows:
 * targets (the export's query too), org units and the audit log, for each kind of caller.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ScopedListsTest {

    /** The values of {@code field} a caller gets from {@code path}, checked against the total. */
    static Set<Object> listed(String role, String org, String path, String field) {
        String sep = path.contains("?") ? "&" : "?";
        JsonPath page = TestTokens.as(role, org).get(path + sep + "size=100")
                .then().statusCode(200).extract().jsonPath();
        List<Object> values = page.getList("items." + field);
        assertEquals(page.getLong("total"), values.size(), role + "@" + org + " " + path + ": total against items");
        long total = TestTokens.as(role, org).get(path + sep + "size=1")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        assertEquals(values.size(), total, role + "@" + org + " " + path + ": total of a short page");
        return new HashSet<>(values);
    }

    static Set<Object> targets(String role, String org, String path) {
        Set<Object> ids = new HashSet<>();
        listed(role, org, path, "id").forEach(id -> ids.add(((Number) id).longValue()));
        return ids;
    }

    @Test
    void theTargetListAndItsTotalFollowEachCallersScope() {
        Fixture f = new Fixture();
        String projects = f.projects();
        long a = f.target(projects, f.districtA, f.deptA1, "110");
        long b = f.target(projects, f.districtB, f.deptB1, "90");
        // a city target that a department of district A answers for
        long c = f.target(projects, f.city, f.deptA2, "300");
        String path = "/api/v1/targets?indicator=" + projects;
        assertEquals(Set.of(a, c), targets("supervisor", f.districtA, path));
        assertEquals(Set.of(b), targets("supervisor", f.districtB, path));
        assertEquals(Set.of(a), targets("department", f.deptA1, path));
        assertEquals(Set.of(c), targets("department", f.deptA2, path));
        assertEquals(Set.of(), targets("department", f.deptB2, path));
        assertEquals(Set.of(a, b, c), targets("leader", f.city, path));
        assertEquals(Set.of(a, b, c), targets("admin", "ROOT", path));
        assertEquals(Set.of(), targets("supervisor", "NO" + f.s, path));
        // a filter narrows within the scope, never beyond it
        assertEquals(Set.of(a, c), targets("leader", f.city, path + "&orgUnit=" + f.districtA));
        assertEquals(Set.of(), targets("supervisor", f.districtB, path + "&orgUnit=" + f.districtA));
        assertEquals(Set.of(b), targets("admin", "ROOT", path + "&responsibleUnit=" + f.deptB1));
    }

    @Test
    void theOrgUnitListAndItsTotalFollowEachCallersScope() {
        Fixture f = new Fixture();
        assertEquals(Set.of(f.deptA1, f.deptA2), listed("supervisor", f.districtA,
                "/api/v1/org-units?parent=" + f.districtA, "code"));
        assertEquals(Set.of(f.districtA), listed("supervisor", f.districtA,
                "/api/v1/org-units?parent=" + f.city, "code"));
        assertEquals(Set.of(f.districtA, f.districtB), listed("leader", f.city,
                "/api/v1/org-units?parent=" + f.city, "code"));
        assertEquals(Set.of(), listed("department", f.deptB1, "/api/v1/org-units?parent=" + f.districtA, "code"));
        assertEquals(Set.of(f.deptA1), listed("department", f.deptA1, "/api/v1/org-units?type=DEPARTMENT&parent="
                + f.districtA, "code"));
    }

    @Test
    void theAuditLogAndItsTotalFollowEachSupervisorsScope() {
        Fixture f = new Fixture();
        String projects = f.projects();
        long a = f.target(projects, f.districtA, f.deptA1, "110");
        String path = "/api/v1/audit?entity=target&id=" + a;
        assertEquals(Set.of("create"), listed("supervisor", f.districtA, path, "action"));
        assertEquals(Set.of("create"), listed("supervisor", f.city, path, "action"));
        assertEquals(Set.of(), listed("supervisor", f.districtB, path, "action"));
        assertEquals(Set.of("create"), listed("admin", "ROOT", path, "action"));
    }
}
