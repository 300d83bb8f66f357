package org.kpi.task.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.net.URI;

/** Key tasks (重点任务): create, read, change, and move through the lifecycle. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService service;

    @Inject
    TaskSearch search;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "新建任务（草稿）")
    public Response create(@NotNull(message = "请求体不能为空") @Valid TaskCreate request) {
        TaskView created = service.create(request);
        return Response.created(URI.create("/api/v1/tasks/" + created.id()))
                .tag(ETags.entityTag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "任务列表与检索（本人可见范围内）")
    public PageResult<TaskView> list(@BeanParam TaskListParams params,
                                     @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return search.list(params.filter(), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "查看任务")
    public Response get(@PathParam("id") String id) {
        return withTag(service.get(taskId(id)));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "修改任务（需 If-Match 或 version）")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull(message = "请求体不能为空") @Valid TaskPatch patch) {
        return withTag(service.patch(taskId(id), patch, ifMatch));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "交办（DRAFT → ASSIGNED，需 If-Match）")
    public Response assign(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(service.assign(taskId(id), ifMatch));
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/complete")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "完成节点（牵头单位或督查人员，需 If-Match）")
    public Response completeMilestone(@PathParam("id") String id, @PathParam("milestoneId") String milestoneId,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(service.completeMilestone(taskId(id), longId("milestoneId", milestoneId), ifMatch));
    }

    @POST
    @Path("/{id}/closure-request")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "申请办结（牵头单位，IN_PROGRESS → CLOSURE_REQUESTED，需 If-Match）")
    public Response requestClosure(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull(message = "请求体不能为空") @Valid ClosureRequest request) {
        return withTag(service.requestClosure(taskId(id), request, ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "销号（CLOSURE_REQUESTED → CLOSED，需 If-Match）")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(service.close(taskId(id), ifMatch));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "退回办结申请（CLOSURE_REQUESTED → IN_PROGRESS，需 If-Match）")
    public Response returnTask(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull(message = "请求体不能为空") @Valid ReasonRequest request) {
        return withTag(service.returnTask(taskId(id), request, ifMatch));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "重新打开已销号任务（CLOSED → IN_PROGRESS，需 If-Match）")
    public Response reopen(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "请求体不能为空") @Valid ReasonRequest request) {
        return withTag(service.reopen(taskId(id), request, ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "撤销任务（→ CANCELLED，可附原因，需 If-Match）")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid ReasonRequest request) {
        return withTag(service.cancel(taskId(id), request, ifMatch));
    }

    static Response withTag(TaskView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    /** A task id from the path; anything but a positive number is a 404, as no such task exists. */
    public static long taskId(String raw) {
        return longId("id", raw);
    }

    public static long longId(String name, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.notFound(name + " " + abbreviate(raw) + " 不存在");
    }

    private static String abbreviate(String raw) {
        return raw.length() > 20 ? raw.substring(0, 20) + "…" : raw;
    }
}
