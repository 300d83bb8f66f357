package org.kpi.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
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

    private static final String INSERT =
            "insert into outbox_event (type, event_key, payload, occurred_at) values (?, ?, ?::jsonb, ?)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Writes the event at once (not when the session flushes): the row takes its transaction's id
     * now, so the feed holds back everything written after it until this transaction finishes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, String key, Object payload) {
        String json = toJson(payload);
        OffsetDateTime occurredAt = OffsetDateTime.now(clock);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, type);
                insert.setString(2, key);
                insert.setString(3, json);
                insert.setObject(4, occurredAt);
                insert.executeUpdate();
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload cannot be written as JSON", e);
        }
    }
}
