package org.kpi.goals.actuals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

/** Review of reported actuals by the supervisors over the target. */
@Path("/api/v1/actuals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ActualResource.TAG, description = "责任单位按期填报的实绩，督查人员审核通过或退回，已审核期次可重述 · "
        + "Actuals reported per period by the responsible unit, approved or returned by supervisors, "
        + "restated when needed")
public class ActualResource {

    public static final String TAG = "实绩 Actuals";

    private static final String ID = "实绩编号 · Actual id";

    @Inject
    ActualService actuals;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listActuals", summary = "实绩列表；status=SUBMITTED 即待审核队列（最早提交的在前）")
    public PageResult<ActualView> list(@BeanParam ActualQuery query, @BeanParam PageParams page) {
        return actuals.list(query.status, query.orgUnit == null || query.orgUnit.isBlank() ? null : query.orgUnit.trim(),
                page.request());
    }

    /** The filters of the actuals list. */
    public static class ActualQuery {

        @QueryParam("status")
        @Parameter(description = "状态，如 SUBMITTED（待审核） · Status, e.g. SUBMITTED (awaiting review)")
        public ActualStatus status;

        @QueryParam("orgUnit")
        @Parameter(description = "目标所属或责任单位代码，含其下级 · The target's unit or responsible unit, subtree included")
        public String orgUnit;
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getActual", summary = "查看一条实绩")
    public RestResponse<ActualView> get(@PathParam("id") @Parameter(description = ID) long id) {
        return withTag(actuals.get(id));
    }

    @POST
    @Path("/{id: \\d+}/approve")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "approveActual", summary = "审核通过（该期次随即锁定，需 If-Match）")
    public RestResponse<ActualView> approve(
            @PathParam("id") @Parameter(description = ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch) {
        return withTag(actuals.approve(id, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "returnActual", summary = "退回并说明理由（需 If-Match）")
    public RestResponse<ActualView> returnToDepartment(
            @PathParam("id") @Parameter(description = ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid ReturnRequest request) {
        return withTag(actuals.returnToDepartment(id, request.reason(), ifMatch));
    }

    /** An actual with its version as the ETag that approval and return need in If-Match. */
    public static RestResponse<ActualView> withTag(ActualView view) {
        return Responses.tagged(view, view.version());
    }
}
