package org.kpi.goals.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.security.Roles;
import org.kpi.common.web.QueryParams;

/** The leaders' first screen: colours, progress and the half-year check of a subtree. */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService dashboards;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "驾驶舱：三色统计、每个目标的序时进度、双过半检查（orgUnit 默认本单位，year 默认今年）")
    public DashboardView dashboard(@QueryParam("orgUnit") String orgUnit, @QueryParam("year") String year) {
        return dashboards.dashboard(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim(),
                QueryParams.optionalInt("year", year, 2000, 2100));
    }
}
