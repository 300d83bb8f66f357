package org.kpi.task.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.tasks.TaskResource;

import java.net.URI;

/** Supervision orders (督办单) of one task. */
@Path("/api/v1/tasks/{taskId}/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskSupervisionResource {

    @Inject
    SupervisionService service;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "下发督办单（提醒、催办、督办、挂牌督办）")
    public Response issue(@PathParam("taskId") String taskId,
                          @NotNull(message = "请求体不能为空") @Valid SupervisionOrderCreate request) {
        SupervisionOrderView view = service.issue(TaskResource.taskId(taskId), request);
        return Response.created(URI.create("/api/v1/supervision-orders/" + view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "任务的督办单")
    public PageResult<SupervisionOrderView> list(@PathParam("taskId") String taskId, @QueryParam("page") String page,
                                                 @QueryParam("size") String size) {
        return service.listForTask(TaskResource.taskId(taskId), PageRequest.of(page, size));
    }
}
