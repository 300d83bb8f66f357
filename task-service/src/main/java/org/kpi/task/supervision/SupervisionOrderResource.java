package org.kpi.task.supervision;

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

/** One supervision order, and the lead unit's answer to it. */
@Path("/api/v1/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = SupervisionOrderResource.TAG, description = "督查人员就任务下发提醒、催办、督办、挂牌督办，牵头单位限期反馈 · "
        + "Reminders, urgings and supervision orders on tasks, answered by the lead unit by a date")
public class SupervisionOrderResource {

    public static final String TAG = "督办单 Supervision orders";

    private static final String ORDER_ID = "督办单编号 · Supervision order id";

    @Inject
    SupervisionService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listSupervisionOrders", summary = "督办单列表（可查看的任务；overdue=true 为逾期未反馈）")
    public PageResult<SupervisionOrderView> list(
            @QueryParam("overdue") @Parameter(description = "是否逾期未反馈 · Unanswered past the date, or not")
            Boolean overdue,
            @QueryParam("answered") @Parameter(description = "是否已反馈 · Answered or not") Boolean answered,
            @QueryParam("level") @Parameter(description = "督办级别 · Level") SupervisionLevel level,
            @BeanParam PageParams page) {
        return service.list(overdue, answered, level, page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getSupervisionOrder", summary = "查看督办单")
    public RestResponse<SupervisionOrderView> get(@PathParam("id") @Parameter(description = ORDER_ID) long id) {
        return withTag(service.get(id));
    }

    @POST
    @Path("/{id: \\d+}/response")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "respondToSupervisionOrder", summary = "牵头单位反馈督办单（需 If-Match）")
    public RestResponse<SupervisionOrderView> respond(
            @PathParam("id") @Parameter(description = ORDER_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid SupervisionResponse request) {
        return withTag(service.respond(id, request, ifMatch));
    }

    static RestResponse<SupervisionOrderView> withTag(SupervisionOrderView view) {
        return Responses.tagged(view, view.version());
    }
}
