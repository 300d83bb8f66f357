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
 * <p>Writers take no lock: each row records its transaction's id, and the feed gives it its
 * public sequence number only once every transaction that could come before it has finished
 * (see {@link EventFeedResource}). A long import therefore delays the feed, never other writers.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publish(String type, String key, Object payload) {
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
