package org.kpi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Roles;
import org.kpi.common.web.QueryParams;

import java.util.List;

/** Serves this service's outbox as a feed that other services poll with a stored cursor. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class EventFeedResource {

    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(summary = "本服务的事件流（按 seq 递增）")
    public FeedPage read(@QueryParam("after") String afterParam, @QueryParam("limit") String limitParam) {
        long after = QueryParams.longValue("after", afterParam, 0L, 0L, Long.MAX_VALUE);
        int limit = (int) QueryParams.longValue("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<OutboxEvent> rows = em.createQuery(
                        "from OutboxEvent e where e.seq > :after order by e.seq", OutboxEvent.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        List<FeedEvent> items = rows.stream().map(this::toFeedEvent).toList();
        long lastSeq = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new FeedPage(items, after, limit, lastSeq);
    }

    private FeedEvent toFeedEvent(OutboxEvent row) {
        try {
            return new FeedEvent(row.seq, row.type, row.occurredAt, row.key, mapper.readTree(row.payload));
        } catch (JsonProcessingException e) {
            throw new ProblemException(org.kpi.common.problem.ProblemKind.INTERNAL, "事件 " + row.seq + " 无法读取");
        }
    }
}
