package org.kpi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Writes events to the outbox inside the caller's transaction, so an event exists exactly when
 * the change it reports was committed.
 *
 * <p>Every writer first takes one transaction-scoped advisory lock, so sequence numbers are
 * handed out in commit order: a reader that has seen {@code seq = n} will never later find a
 * newly committed event below {@code n}.
 */
@ApplicationScoped
public class Outbox {

    /** Arbitrary but fixed advisory-lock key that serialises outbox writers. */
    static final long OUTBOX_LOCK = 0x6b70695f6f757462L;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publish(String type, String key, Object payload) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                .setParameter(1, OUTBOX_LOCK)
                .getSingleResult();
        OutboxEvent event = new OutboxEvent();
        event.type = type;
        event.key = key;
        event.payload = toJson(payload);
        event.occurredAt = OffsetDateTime.now(clock);
        em.persist(event);
        return event;
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be written as JSON", e);
        }
    }
}
