package org.kpi.task.accountability;

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
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;
import org.kpi.task.tasks.TaskResource;

import java.net.URI;

/** Accountability records (问责): 约谈, 通报批评, 诫勉, 问责. */
@Path("/api/v1/accountability-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountabilityResource {

    @Inject
    AccountabilityService service;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "记录问责")
    public Response create(@NotNull(message = "请求体不能为空") @Valid AccountabilityCreate request) {
        AccountabilityView view = service.record(request);
        return Response.created(URI.create("/api/v1/accountability-records/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "问责记录列表（本人可见范围内）")
    public PageResult<AccountabilityView> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("kind") String kind,
                                               @QueryParam("taskId") String taskId, @QueryParam("page") String page,
                                               @QueryParam("size") String size) {
        Long task = taskId == null || taskId.isBlank() ? null
                : QueryParams.longValue("taskId", taskId, 0, 1, Long.MAX_VALUE);
        return service.list(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim(),
                QueryParams.optionalEnum("kind", kind, AccountabilityKind.class), task, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "查看问责记录")
    public AccountabilityView get(@PathParam("id") String id) {
        return service.get(TaskResource.longId("id", id));
    }
}
