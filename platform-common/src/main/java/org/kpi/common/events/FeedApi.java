package org.kpi.common.events;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Another service's event feed, as a REST client (built per source by {@link FeedClient}). */
@Path("/api/v1/events")
public interface FeedApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FeedPage read(@HeaderParam("Authorization") String authorization,
                  @QueryParam("after") long after,
                  @QueryParam("limit") int limit);
}
