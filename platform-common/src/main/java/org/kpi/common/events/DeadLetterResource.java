package org.kpi.common.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.common.web.QueryParams;

/**
 * Events of other services' feeds that this service parked (死信), for admins: see why, and
 * replay once the cause is fixed. Service-internal: not routed from outside.
 */
@Path("/api/v1/feeds/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    @Inject
    DeadLetterService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "列出被搁置的事件（死信）")
    public PageResult<DeadLetterView> list(@QueryParam("feed") String feed, @QueryParam("status") String status,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(feed == null || feed.isBlank() ? null : feed.trim(),
                QueryParams.optionalEnum("status", status, DeadLetter.Status.class), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看一个死信")
    public DeadLetterView get(@PathParam("id") String id) {
        return service.get(QueryParams.longValue("id", id, 0, 1, Long.MAX_VALUE));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "重放一个死信：成功则标记为已重放")
    public DeadLetterView replay(@PathParam("id") String id) {
        return service.replay(QueryParams.longValue("id", id, 0, 1, Long.MAX_VALUE), caller.subject());
    }
}
