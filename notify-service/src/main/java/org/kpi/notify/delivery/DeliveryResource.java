package org.kpi.notify.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.Responses;

/** The delivery log (投递记录): each reminder on each channel, its attempts and failures. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "投递记录 Deliveries", description = "每条提醒在每个渠道上的发送情况：次数、失败原因、下次重试时间；"
        + "各角色看本单位及下级的，督查人员和管理员可立即重试失败的投递 · Each reminder on each channel: attempts, "
        + "failures, next retry; everyone sees those of their own subtree; supervisors and admins can retry a "
        + "failed one now")
public class DeliveryResource {

    private static final String ID = "投递编号 · Delivery id";
    private static final String IF_MATCH_OPTIONAL = "投递当前的 ETag（例如 \"3\"），可选；给出且已过期时 409 · "
            + "The delivery's current ETag, optional: a stale one is a 409";

    @Inject
    DeliveryService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listDeliveries", summary = "投递列表（本人可见范围内，最新的在前）",
            description = "发给本单位及下级单位的投递，不含地址；orgUnit 再缩小到该单位及其下级，不在可见范围内时为空列表 · "
                    + "Deliveries to the caller's unit and the units below it, newest first, without addresses; "
                    + "orgUnit narrows to that unit's subtree (an empty page when it is outside the caller's)")
    public PageResult<DeliveryView> list(@BeanParam DeliveryListParams params, @BeanParam PageParams page) {
        return service.list(params, page.request());
    }

    @POST
    @Path("/{id: \\d+}/retry")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "retryDelivery", summary = "立即重试发送失败或等待重试的投递（督查人员、管理员）",
            description = "只适用于 DEAD 和 RETRYING：改为 RETRYING 并立即到期，已尝试次数不变（已用尽次数的投递再试一次，"
                    + "仍失败则回到 DEAD）；提醒若为 FAILED 则恢复为 PENDING。其他状态 409 · DEAD or RETRYING only: "
                    + "RETRYING and due now, attempts kept (an exhausted delivery gets one more attempt, then is DEAD "
                    + "again if it fails); a FAILED reminder becomes PENDING again. Any other status is a 409")
    @APIResponseSchema(value = DeliveryView.class, responseCode = "200", responseDescription = "已安排重试 · "
            + "Due again now")
    public RestResponse<DeliveryView> retry(
            @PathParam("id") @Parameter(description = ID) long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL) String ifMatch) {
        DeliveryView view = service.retry(id, ifMatch);
        return Responses.tagged(view, view.version());
    }
}
