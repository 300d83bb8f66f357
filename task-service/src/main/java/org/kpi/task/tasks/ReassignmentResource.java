package org.kpi.task.tasks;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;

import java.util.List;

/** Reassignment requests (申请改派) of a task: the lead unit asks, a supervisor grants or refuses. */
@Path("/api/v1/tasks/{id: \\d+}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = TaskResource.TAG)
public class ReassignmentResource {

    @Inject
    Reassignments reassignments;

    @POST
    @Path("/reassignment-request")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(operationId = "requestReassignment",
            summary = "申请改派（牵头单位，签收前；每项任务同时只能有一个待审核的申请）")
    @APIResponseSchema(value = ReassignmentView.class, responseCode = "201", responseDescription = "已提交 · Filed")
    public RestResponse<ReassignmentView> request(
            @PathParam("id") @Parameter(description = TaskResource.TASK_ID) long id,
            @NotNull(message = "请求体不能为空") @Valid ReassignmentRequestCreate body) {
        ReassignmentView view = reassignments.request(id, body);
        return Responses.created("/api/v1/tasks/" + id + "/reassignment-requests", view);
    }

    @GET
    @Path("/reassignment-requests")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listReassignmentRequests", summary = "任务的改派申请（最新在前）")
    public List<ReassignmentView> list(@PathParam("id") @Parameter(description = TaskResource.TASK_ID) long id) {
        return reassignments.list(id);
    }

    @GET
    @Path("/reassignment-candidates")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listReassignmentCandidates",
            summary = "可改派的单位：任务所属单位下除牵头单位外的部门（牵头单位与督查人员）")
    public List<Reassignments.UnitOption> candidates(
            @PathParam("id") @Parameter(description = TaskResource.TASK_ID) long id) {
        return reassignments.candidates(id);
    }

    @POST
    @Path("/reassignment-request/grant")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "grantReassignment",
            summary = "同意改派：更换牵头单位，原牵头单位的签收作废，重新计算签收期限（If-Match 可省略）")
    public ReassignmentView grant(
            @PathParam("id") @Parameter(description = TaskResource.TASK_ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "任务的当前版本，可省略 · The task's version, "
                    + "optional") String ifMatch,
            @RequestBody(required = false, description = "新的牵头单位（缺省为建议单位）与说明 · The new lead, optional")
            @Valid ReassignmentGrant body) {
        return reassignments.grant(id, body, ifMatch);
    }

    @POST
    @Path("/reassignment-request/refuse")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "refuseReassignment", summary = "拒绝改派（须说明理由）")
    public ReassignmentView refuse(
            @PathParam("id") @Parameter(description = TaskResource.TASK_ID) long id,
            @NotNull(message = "请求体不能为空") @Valid ReasonRequest body) {
        return reassignments.refuse(id, body);
    }
}
