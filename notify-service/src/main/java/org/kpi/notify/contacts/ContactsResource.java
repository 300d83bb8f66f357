package org.kpi.notify.contacts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.Responses;

/** Contacts of org units: the channels reminders and notices reach them on. */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "联系方式 Contacts", description = "单位接收提醒的渠道（站内信、电子邮件、Webhook）；本单位、覆盖它的督查人员和管理员可查看和修改，"
        + "密钥只写不读 · The channels a unit is reminded on (inbox, e-mail, webhook); read and written by the unit "
        + "itself, supervisors covering it and admins; secrets are write-only")
public class ContactsResource {

    private static final String CODE = "组织机构代码 · Org unit code";
    private static final String IF_MATCH_OPTIONAL = "联系方式当前的 ETag（例如 \"3\"），可选；给出且已过期时 409，"
            + "不给（请求体也无 version）时直接整体覆盖 · The contacts' current ETag, optional: a stale one is a 409; "
            + "without it (and without version in the body) the write applies";

    @Inject
    ContactsService service;

    @GET
    @Path("/{orgUnitCode}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "getContacts", summary = "查看单位联系方式",
            description = "站内信总在第一位；密钥只以 secretSet 表示是否已设置 · The inbox always comes first; "
                    + "secrets only show as secretSet")
    public RestResponse<ContactsView> get(@PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode) {
        ContactsView view = service.get(orgUnitCode);
        return Responses.tagged(view, view.version());
    }

    @PUT
    @Path("/{orgUnitCode}")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "replaceContacts", summary = "整体替换单位联系方式（If-Match 可选）",
            description = "以请求中的列表替换全部渠道。If-Match 或 version 可选：给出且已过期时 409，都不给时直接覆盖。"
                    + "secret 不传或为 null 时保留同类型同地址渠道已存的密钥，空字符串清除密钥。"
                    + "WEBHOOK 地址为 IP 且属于禁止访问的地址段时 400 · Replaces every channel with the list sent. "
                    + "If-Match or version is optional: a stale one is a 409, none means the write applies. A secret "
                    + "absent or null keeps the one stored for the same type and address, \"\" clears it. A WEBHOOK "
                    + "aimed at an IP in a refused range is a 400")
    public RestResponse<ContactsView> replace(
            @PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL) String ifMatch,
            @NotNull(message = "请求体不能为空") @Valid ContactsRequest request) {
        ContactsView view = service.replace(orgUnitCode, request, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
