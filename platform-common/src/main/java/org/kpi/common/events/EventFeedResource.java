package org.kpi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Roles;

import java.util.List;

/**
 * Serves this service's outbox as a feed that other services poll with a stored cursor.
 *
 * <p>Before reading, a reader <em>settles</em> the outbox: rows written by transactions that have
 * all finished (their transaction id is below the current snapshot's {@code xmin}) receive the
 * next sequence numbers, in (transaction, row) order. Rows of a transaction still running stay
 * unsettled, and so does everything written after it, so the feed never serves an event past one
 * that may still commit: a cursor never skips a late commit. Readers serialise on an advisory lock
 * among themselves; writers never take it.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = EventFeedResource.TAG, description = "服务内部：事件流（发件箱）与被搁置的事件，不从外部路由 · "
        + "Service-internal: the event feed (outbox) and parked events; not routed from outside")
public class EventFeedResource {

    public static final String TAG = "事件流 Event feeds";

    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;

    /** Arbitrary but fixed advisory-lock key that serialises feed readers while they settle. */
    static final long SETTLE_LOCK = 0x6b70695f6f757462L;

    /** The most rows one settlement numbers; the next read settles the rest. */
    static final int SETTLE_BATCH = 5000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @GET
    @Transactional
    @Operation(operationId = "readEvents", summary = "本服务的事件流（按 seq 递增）")
    public FeedPage read(
            @QueryParam("after") @Min(0) @Parameter(description = "游标：只返回 seq 大于它的事件，默认 0 · "
                    + "Cursor: events with a greater seq (default 0)") Long afterParam,
            @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) @Parameter(description = "最多返回的事件数，默认 "
                    + DEFAULT_LIMIT + " · Most events returned (default " + DEFAULT_LIMIT + ")") Integer limitParam) {
        long after = afterParam == null ? 0L : afterParam;
        int limit = limitParam == null ? DEFAULT_LIMIT : limitParam;
        long head = settle();
        List<OutboxEvent> rows = em.createQuery(
                        "from OutboxEvent e where e.seq > :after order by e.seq", OutboxEvent.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        List<FeedEvent> items = rows.stream().map(this::toFeedEvent).toList();
        long lastSeq = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new FeedPage(items, after, limit, lastSeq, head);
    }

    /** Numbers the rows of finished transactions; returns the highest sequence number given so far. */
    long settle() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                .setParameter(1, SETTLE_LOCK)
                .getSingleResult();
        em.createNativeQuery("""
                        with base as (select coalesce(max(seq), 0) as top from outbox_event),
                             finished as (
                                 select id, row_number() over (order by tx_id, id) as n
                                   from outbox_event
                                  where seq is null
                                    and tx_id < pg_snapshot_xmin(pg_current_snapshot())
                                  order by tx_id, id
                                  limit ?1)
                        update outbox_event o
                           set seq = base.top + finished.n
                          from finished, base
                         where o.id = finished.id""")
                .setParameter(1, SETTLE_BATCH)
                .executeUpdate();
        return ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from outbox_event")
                .getSingleResult()).longValue();
    }

    private FeedEvent toFeedEvent(OutboxEvent row) {
        try {
            return new FeedEvent(row.seq, row.type, row.occurredAt, row.key, mapper.readTree(row.payload));
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemKind.INTERNAL, "事件 " + row.seq + " 无法读取");
        }
    }
}
