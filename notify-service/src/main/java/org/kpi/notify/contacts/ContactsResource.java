package org.kpi.notify.contacts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
@Tag(name = "联系方式 Contacts", description = "单位接收提醒的渠道（站内信、电子邮件、Webhook、钉钉/企业微信/飞书群机器人）；"
        + "本单位、覆盖它的督查人员和管理员可查看、修改和发送测试消息，密钥只写不读 · The channels a unit is reminded on "
        + "(inbox, e-mail, webhook, DingTalk/WeCom/Feishu group robots); read, written and tested by the unit itself, "
        + "supervisors covering it and admins; secrets are write-only")
public class ContactsResource {

    private static final String CODE = "组织机构代码 · Org unit code";
    private static final String IF_MATCH_OPTIONAL = "联系方式当前的 ETag（例如 \"3\"），可选；给出且已过期时 409，"
            + "不给（请求体也无 version）时直接整体覆盖 · The contacts' current ETag, optional: a stale one is a 409; "
            + "without it (and without version in the body) the write applies";

    @Inject
    ContactsService service;

    @Inject
    ContactTestService tester;

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

    @POST
    @Path("/{orgUnitCode}/test")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "testContacts", summary = "向单位的每个渠道发送测试消息",
            description = "立即依次向单位的每个渠道发送一条“【测试】督考平台提醒测试消息”，不排队、不重试，返回每个渠道的结果；"
                    + "失败原因与投递记录的 lastError 相同（例如“钉钉机器人签名不匹配，请检查机器人密钥”）。站内信不写入测试消息，"
                    + "总是记为 SENT。可以修改该单位联系方式的人才能测试；每次测试记入审计日志 · Sends a test message now to "
                    + "each of the unit's channels in turn, neither queued nor retried, and answers each channel's result; "
                    + "a failure reads like a delivery's lastError. The inbox is not written and always shows SENT. "
                    + "Whoever may write the unit's contacts may test them; every test is audited")
    public RestResponse<TestSendReport> test(
            @PathParam("orgUnitCode") @Parameter(description = CODE) String orgUnitCode) {
        return RestResponse.ok(tester.test(orgUnitCode));
    }
}
