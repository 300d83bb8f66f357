package org.kpi.goals.actuals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;

/** Review of reported actuals by the supervisors over the target. */
@Path("/api/v1/actuals")
@Produces(MediaType.APPLICATION_JSON)
public class ActualResource {

    @Inject
    ActualService actuals;

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "查看一条实绩")
    public RestResponse<ActualView> get(@PathParam("id") long id) {
        return withTag(actuals.get(id));
    }

    @POST
    @Path("/{id: \\d+}/approve")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "审核通过（该期次随即锁定，需 If-Match）")
    public RestResponse<ActualView> approve(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(actuals.approve(id, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "退回并说明理由（需 If-Match）")
    public RestResponse<ActualView> returnToDepartment(@PathParam("id") long id,
                                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @NotNull(message = "请求体不能为空") @Valid ReturnRequest request) {
        return withTag(actuals.returnToDepartment(id, request.reason(), ifMatch));
    }

    /** An actual with its version as the ETag that approval and return need in If-Match. */
    public static RestResponse<ActualView> withTag(ActualView view) {
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
