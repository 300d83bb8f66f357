package org.kpi.task.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

/** Supervision orders (督办单) of one task. */
@Path("/api/v1/tasks/{taskId: \\d+}/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = SupervisionOrderResource.TAG)
public class TaskSupervisionResource {

    private static final String TASK_ID = "任务编号 · Task id";

    @Inject
    SupervisionService service;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "issueSupervisionOrder", summary = "下发督办单（提醒、催办、督办、挂牌督办）")
    @APIResponseSchema(value = SupervisionOrderView.class, responseCode = "201", responseDescription = "已下发 · Issued")
    public RestResponse<SupervisionOrderView> issue(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId,
            @NotNull(message = "请求体不能为空") @Valid SupervisionOrderCreate request) {
        SupervisionOrderView view = service.issue(taskId, request);
        return Responses.created("/api/v1/supervision-orders/" + view.id(), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listTaskSupervisionOrders", summary = "任务的督办单")
    public PageResult<SupervisionOrderView> list(
            @PathParam("taskId") @Parameter(description = TASK_ID) long taskId, @BeanParam PageParams page) {
        return service.listForTask(taskId, page.request());
    }
}
