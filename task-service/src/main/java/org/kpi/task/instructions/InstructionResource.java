package org.kpi.task.instructions;

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

/** Leader instructions (领导批示件): the register, the tasks made from each, and the feedback report. */
@Path("/api/v1/instructions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "批示件 Instructions", description = "领导批示件登记、由此产生的任务、办理情况反馈 · "
        + "Leader instructions: the register, their tasks, and the feedback report")
public class InstructionResource {

    private static final String ID = "批示件编号 · Instruction id";

    @Inject
    Instructions instructions;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(operationId = "createInstruction", summary = "登记领导批示件（督查人员或领导）")
    @APIResponseSchema(value = InstructionView.class, responseCode = "201", responseDescription = "已登记 · Registered")
    public RestResponse<InstructionView> create(@NotNull(message = "请求体不能为空") @Valid InstructionCreate request) {
        InstructionView created = instructions.create(request);
        return Responses.created("/api/v1/instructions/" + created.id(), created, created.version());
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listInstructions", summary = "批示件列表（本人可见的，最新在前）")
    public PageResult<InstructionView> list(@BeanParam PageParams page) {
        return instructions.list(page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getInstruction", summary = "查看批示件及由此产生的任务（状态与颜色）")
    public RestResponse<InstructionView> get(@PathParam("id") @Parameter(description = ID) long id) {
        InstructionView view = instructions.get(id);
        return Responses.tagged(view, view.version());
    }

    @GET
    @Path("/{id: \\d+}/feedback")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getInstructionFeedback",
            summary = "办理情况反馈（批示领导所在单位与督查人员）：每项任务的办结情况")
    public InstructionFeedback feedback(@PathParam("id") @Parameter(description = ID) long id) {
        return instructions.feedback(id);
    }
}
