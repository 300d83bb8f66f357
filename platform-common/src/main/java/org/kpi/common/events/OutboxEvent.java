package org.kpi.common.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/**
 * One event in a service's outbox, written in the same transaction as the change it reports. Read
 * here; {@link Outbox} inserts the rows and the feed gives them their {@code seq}, both in SQL.
 */
@Entity
@Immutable
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Internal row id, in insert order (not commit order). */
    @Id
    public Long id;

    /** Public position on the feed, given by a reader once the writing transaction has finished. */
    public Long seq;

    @Column(nullable = false, length = 64)
    public String type;

    @Column(name = "event_key", nullable = false, length = 128)
    public String key;

    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
}
