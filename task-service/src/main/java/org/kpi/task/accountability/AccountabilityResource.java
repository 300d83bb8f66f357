package org.kpi.task.accountability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Accountability records (问责): 约谈, 通报批评, 诫勉, 问责. */
@Path("/api/v1/accountability-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "问责 Accountability", description = "约谈、通报批评、诫勉、问责的记录，只增不改 · "
        + "Records of talks, notices of criticism, admonitions and accountability; append-only")
public class AccountabilityResource {

    @Inject
    AccountabilityService service;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createAccountabilityRecord", summary = "记录问责")
    @APIResponseSchema(value = AccountabilityView.class, responseCode = "201", responseDescription = "已记录 · Recorded")
    public RestResponse<AccountabilityView> create(@NotNull(message = "请求体不能为空") @Valid AccountabilityCreate request) {
        AccountabilityView view = service.record(request);
        return Responses.created("/api/v1/accountability-records/" + view.id(), view);
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listAccountabilityRecords", summary = "问责记录列表（本人可见范围内）")
    public PageResult<AccountabilityView> list(
            @QueryParam("orgUnit") @Parameter(description = "被问责单位（含下级） · The unit held to account, with "
                    + "the units below it") String orgUnit,
            @QueryParam("kind") @Parameter(description = "问责方式 · Kind") AccountabilityKind kind,
            @QueryParam("taskId") @Min(1) @Parameter(description = "涉及的任务编号 · The task concerned") Long taskId,
            @BeanParam PageParams page) {
        return service.list(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.trim(), kind, taskId,
                page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getAccountabilityRecord", summary = "查看问责记录")
    public AccountabilityView get(@PathParam("id") @Parameter(description = "问责记录编号 · Record id") long id) {
        return service.get(id);
    }
}
