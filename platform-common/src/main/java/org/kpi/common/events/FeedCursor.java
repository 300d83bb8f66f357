package org.kpi.common.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** How far this service has applied another service's feed. */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor {

    @Id
    @Column(length = 64)
    public String feed;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
