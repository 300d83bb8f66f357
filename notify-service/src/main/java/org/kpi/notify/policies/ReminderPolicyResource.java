package org.kpi.notify.policies;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.kpi.common.web.Responses;

/** Reminder policies (提醒策略): the escalation ladder, quiet hours and digest of a unit, or the default. */
@Path("/api/v1/reminder-policies/{orgUnitCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "提醒策略 Reminder policies", description = "按组织机构设置的升级阶梯、免打扰时段与每日汇总；未设置的单位沿用最近上级的，"
        + "再沿用 default · The escalation ladder, quiet hours and digest per org unit; a unit without its own "
        + "uses its nearest ancestor's, then default")
public class ReminderPolicyResource {

    private static final String CODE = "组织机构代码，或 default（默认策略） · Org unit code, or default";

    @Inject
    PolicyService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getReminderPolicy", summary = "查看生效的提醒策略（本单位未设置时显示继承的）")
    @APIResponseSchema(value = PolicyView.class, responseCode = "200", responseDescription = "生效的策略 · The policy in force")
    public RestResponse<PolicyView> get(@PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode) {
        PolicyView view = service.view(orgUnitCode);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "putReminderPolicy", summary = "设置本单位的提醒策略（督查人员，本辖区；default 仅管理员）",
            description = "整体替换。If-Match（或请求体 version）可选：给出时必须是当前版本，否则 409；第一次设置时当前版本为 0。"
                    + " Replaces the policy. If-Match (or version in the body) is optional; when given it must be the "
                    + "current version (0 before the first PUT), else 409.")
    @APIResponseSchema(value = PolicyView.class, responseCode = "200", responseDescription = "已保存 · Saved")
    public RestResponse<PolicyView> put(
            @PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode,
            @HeaderParam("If-Match") @Parameter(description = "策略当前的 ETag（可选） · The policy's current ETag "
                    + "(optional)") String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid PolicyUpdate update) {
        PolicyView view = service.put(orgUnitCode, update, ifMatch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "deleteReminderPolicy", summary = "删除本单位的提醒策略，恢复继承上级的策略")
    @APIResponseSchema(value = PolicyView.class, responseCode = "200",
            responseDescription = "删除后生效的（继承的）策略 · The policy in force afterwards (inherited)")
    public RestResponse<PolicyView> delete(
            @PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode,
            @HeaderParam("If-Match") @Parameter(description = "策略当前的 ETag（可选） · The policy's current ETag "
                    + "(optional)") String ifMatch) {
        PolicyView view = service.delete(orgUnitCode, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
