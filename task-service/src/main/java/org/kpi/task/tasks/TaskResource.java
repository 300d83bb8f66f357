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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

/** Key tasks (重点任务): create, read, change, and move through the lifecycle. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = TaskResource.TAG, description = "重点任务：新建、交办、修改、节点、申请办结、销号、退回、重新打开、撤销 · "
        + "Key tasks: create, assign, change, milestones, closure request, close, return, reopen, cancel")
public class TaskResource {

    public static final String TAG = "任务 Tasks";

    static final String TASK_ID = "任务编号 · Task id";

    @Inject
    TaskService service;

    @Inject
    TaskSearch search;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createTask", summary = "新建任务（草稿）")
    @APIResponseSchema(value = TaskView.class, responseCode = "201", responseDescription = "已新建 · Created")
    public RestResponse<TaskView> create(@NotNull(message = "请求体不能为空") @Valid TaskCreate request) {
        TaskView created = service.create(request);
        return Responses.created("/api/v1/tasks/" + created.id(), created, created.version());
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listTasks", summary = "任务列表与检索（本人可见范围内）")
    public PageResult<TaskView> list(@BeanParam TaskListParams params, @BeanParam PageParams page) {
        return search.list(params.filter(), page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getTask", summary = "查看任务")
    public RestResponse<TaskView> get(@PathParam("id") @Parameter(description = TASK_ID) long id) {
        return withTag(service.get(id));
    }

    @PATCH
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateTask", summary = "修改任务（需 If-Match 或 version）")
    public RestResponse<TaskView> patch(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = Responses.IF_MATCH_OR_VERSION) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid TaskPatch patch) {
        return withTag(service.patch(id, patch, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/assign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "assignTask", summary = "交办（DRAFT → ASSIGNED，需 If-Match）")
    public RestResponse<TaskView> assign(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch) {
        return withTag(service.assign(id, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/milestones/{milestoneId: \\d+}/complete")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "completeMilestone", summary = "完成节点（牵头单位或督查人员，需 If-Match）")
    public RestResponse<TaskView> completeMilestone(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @PathParam("milestoneId") @Parameter(description = "节点编号 · Milestone id") long milestoneId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch) {
        return withTag(service.completeMilestone(id, milestoneId, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/closure-request")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "requestTaskClosure",
            summary = "申请办结（牵头单位，IN_PROGRESS → CLOSURE_REQUESTED，需 If-Match）")
    public RestResponse<TaskView> requestClosure(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid ClosureRequest request) {
        return withTag(service.requestClosure(id, request, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/sign-for")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "signForTask",
            summary = "签收（牵头单位或配合单位，交办后；If-Match 可省略）")
    public RestResponse<TaskView> signFor(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "可省略；给出时须为当前版本 · Optional; "
                    + "the current version if given") String ifMatch) {
        return withTag(service.signFor(id, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/close")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "closeTask", summary = "销号并评价满意度（CLOSURE_REQUESTED → CLOSED；"
            + "评价为 UNSATISFIED 时退回 → IN_PROGRESS，需 If-Match）")
    public RestResponse<TaskView> close(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @RequestBody(required = false, description = "满意度评价（可省略） · The rating, optional")
            @Valid CloseRequest request) {
        return withTag(service.close(id, request, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/return")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "returnTask", summary = "退回办结申请（CLOSURE_REQUESTED → IN_PROGRESS，需 If-Match）")
    public RestResponse<TaskView> returnTask(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid ReasonRequest request) {
        return withTag(service.returnTask(id, request, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/reopen")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "reopenTask", summary = "重新打开已销号任务（CLOSED → IN_PROGRESS，需 If-Match）")
    public RestResponse<TaskView> reopen(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid ReasonRequest request) {
        return withTag(service.reopen(id, request, ifMatch));
    }

    @POST
    @Path("/{id: \\d+}/cancel")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "cancelTask", summary = "撤销任务（→ CANCELLED，可附原因，需 If-Match）")
    public RestResponse<TaskView> cancel(
            @PathParam("id") @Parameter(description = TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = Responses.IF_MATCH)
            String ifMatch,
            @RequestBody(required = false, description = "撤销原因（可省略） · The reason, optional")
            @Valid ReasonRequest request) {
        return withTag(service.cancel(id, request, ifMatch));
    }

    static RestResponse<TaskView> withTag(TaskView view) {
        return Responses.tagged(view, view.version());
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
