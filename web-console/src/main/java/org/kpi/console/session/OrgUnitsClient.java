package org.kpi.console.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** target-service's org tree, as the demo sign-in reads it. */
@RegisterRestClient(configKey = "target-service")
@Path("/api/v1/org-units")
public interface OrgUnitsClient {

    @GET
    Page list(@HeaderParam("Authorization") String authorization, @QueryParam("page") int page,
              @QueryParam("size") int size);

    /** One page of org units. */
    record Page(List<Unit> items, long total) {
    }

    /** An org unit: code, name, type ({@code CITY}, {@code DISTRICT}, {@code DEPARTMENT}) and parent. */
    record Unit(String code, String name, String type, String parentCode) {
    }
}
