package org.kpi.console;

import org.junit.jupiter.api.Test;
import org.kpi.console.routing.RoutingTable;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one routing table, as deploy/routes.json has it. */
class RoutingTableTest {

    private final RoutingTable table = RoutingTable.load();

    private String service(String path) {
        return table.match(path).map(RoutingTable.Route::service).orElse("none");
    }

    @Test
    void everyPublicAreaOfTheDesignHasExactlyOneService() {
        for (String area : new String[] {"org-units", "indicators", "targets", "actuals", "dashboard", "rankings",
                "assessments", "assessment-rulebooks", "reports"}) {
            assertEquals("target-service", service("/api/v1/" + area), area);
        }
        for (String area : new String[] {"tasks", "supervision-orders", "accountability-records", "task-drafts",
                "instructions", "calendars"}) {
            assertEquals("task-service", service("/api/v1/" + area + "/1"), area);
        }
        for (String area : new String[] {"reminders", "reminder-policies", "contacts", "inbox", "deliveries"}) {
            assertEquals("notify-service", service("/api/v1/" + area), area);
        }
        assertEquals(Set.of("target-service", "task-service", "notify-service"), table.services());
    }

    @Test
    void aPrefixMatchesItselfAndWhatIsBelowItOnly() {
        assertEquals("task-service", service("/api/v1/tasks"));
        assertEquals("none", service("/api/v1/tasksx"));
        assertEquals("target-service", service("/api/v1/assessment-rulebooks/370602/2026"));
        assertEquals("target-service", service("/api/v1/assessments/lines/3/appeals"));
    }

    @Test
    void theAuditLogOfEachServiceHasItsOwnRouteAndTheFeedsHaveNone() {
        RoutingTable.Route audit = table.match("/api/v1/audit/notify").orElseThrow();
        assertEquals("notify-service", audit.service());
        assertEquals("/api/v1/audit", audit.servicePath("/api/v1/audit/notify"));
        assertEquals("none", service("/api/v1/audit"));
        assertEquals("none", service("/api/v1/events"));
        assertEquals("none", service("/api/v1/feeds/dead-letters/3/replay"));
        assertEquals("none", service("/q/metrics"));
    }

    @Test
    void dottedOrEncodedSeparatorsAreNeverRouted() {
        for (String path : new String[] {"/api/v1/tasks/../events", "/api/v1/tasks/%2e%2e/events",
                "/api/v1/tasks/..%2Fevents", "/api/v1/tasks//1", "/api/v1/tasks/1%5c..", "/api/v1/tasks/.."}) {
            assertTrue(table.match(path).isEmpty(), path);
        }
    }
}
