package org.kpi.task.supervision;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;
import org.kpi.task.tasks.TaskResource;

/** One supervision order, and the lead unit's answer to it. */
@Path("/api/v1/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionOrderResource {

    @Inject
    SupervisionService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "督办单列表（可查看的任务；overdue=true 为逾期未反馈）")
    public PageResult<SupervisionOrderView> list(@QueryParam("overdue") String overdue,
                                                 @QueryParam("answered") String answered,
                                                 @QueryParam("level") String level,
                                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(QueryParams.optionalBoolean("overdue", overdue),
                QueryParams.optionalBoolean("answered", answered),
                QueryParams.optionalEnum("level", level, SupervisionLevel.class), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "查看督办单")
    public RestResponse<SupervisionOrderView> get(@PathParam("id") String id) {
        return withTag(service.get(TaskResource.longId("id", id)));
    }

    @POST
    @Path("/{id}/response")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "牵头单位反馈督办单（需 If-Match）")
    public RestResponse<SupervisionOrderView> respond(@PathParam("id") String id,
                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @NotNull(message = "请求体不能为空") @Valid SupervisionResponse request) {
        return withTag(service.respond(TaskResource.longId("id", id), request, ifMatch));
    }

    static RestResponse<SupervisionOrderView> withTag(SupervisionOrderView view) {
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
