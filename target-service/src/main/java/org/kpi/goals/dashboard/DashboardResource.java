package org.kpi.goals.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.security.Roles;

/** The leaders' first screen: colours, progress and the half-year check of a subtree. */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "驾驶舱 Dashboard", description = "领导首屏：一个单位及其下级的三色统计、序时进度与双过半检查 · "
        + "The leaders' first screen: colours, progress and the half-year check of a unit and its subtree")
public class DashboardResource {

    @Inject
    DashboardService dashboards;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getDashboard",
            summary = "驾驶舱：三色统计、每个目标的序时进度、双过半检查（orgUnit 默认本单位，year 默认今年）")
    @APIResponseSchema(value = DashboardView.class, responseCode = "200", responseDescription = "驾驶舱 · The dashboard")
    @APIResponse(responseCode = "404", description = "组织机构不存在或无权查看 · No such org unit within the caller's scope")
    public DashboardView dashboard(
            @QueryParam("orgUnit") @Parameter(description = "组织机构代码，默认本单位 · Org unit code, default the caller's")
            String orgUnit,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "年度，默认今年 · Year, default this year")
            Integer year) {
        return dashboards.dashboard(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim(), year);
    }
}
