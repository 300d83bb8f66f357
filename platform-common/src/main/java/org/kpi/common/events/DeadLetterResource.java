package org.kpi.common.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;

/**
 * Events of other services' feeds that this service parked (死信), for admins: see why, and
 * replay once the cause is fixed. Service-internal: not routed from outside.
 */
@Path("/api/v1/feeds/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = EventFeedResource.TAG)
public class DeadLetterResource {

    @Inject
    DeadLetterService service;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "列出被搁置的事件（死信）")
    public PageResult<DeadLetterView> list(
            @QueryParam("feed") @Parameter(description = "来源事件流，如 target、task · Source feed") String feed,
            @QueryParam("status") @Parameter(description = "状态 · Status") DeadLetter.Status status,
            @BeanParam PageParams page) {
        return service.list(feed == null || feed.isBlank() ? null : feed.trim(), status, page.request());
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(operationId = "getDeadLetter", summary = "查看一个死信")
    public DeadLetterView get(@PathParam("id") @Parameter(description = "死信编号 · Dead-letter id") long id) {
        return service.get(id);
    }

    @POST
    @Path("/{id: \\d+}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "重放一个死信：成功则标记为已重放")
    @APIResponseSchema(value = DeadLetterView.class, responseCode = "200", responseDescription = "已重放 · Replayed")
    @APIResponse(responseCode = "422", description = "事件仍无法处理 · The event still cannot be applied")
    public DeadLetterView replay(@PathParam("id") @Parameter(description = "死信编号 · Dead-letter id") long id) {
        return service.replay(id, caller.subject());
    }
}
