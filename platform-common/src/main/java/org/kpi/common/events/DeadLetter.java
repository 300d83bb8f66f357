package org.kpi.common.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;

/** An event of another service's feed that could not be applied here, parked so the feed moves on. */
@Entity
@Table(name = "feed_dead_letter")
public class DeadLetter {

    public enum Status { PARKED, REPLAYED }

    @Id
    @Column(insertable = false, updatable = false)
    public Long id;

    @Column(nullable = false, updatable = false, length = 64)
    public String feed;

    @Column(nullable = false, updatable = false)
    public long seq;

    @Column(nullable = false, updatable = false, length = 64)
    public String type;

    @Column(name = "event_key", nullable = false, updatable = false, length = 128)
    public String key;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String error;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "parked_at", nullable = false)
    public OffsetDateTime parkedAt;

    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;

    @Column(name = "replayed_by", length = 128)
    public String replayedBy;

    @Version
    @Column(nullable = false)
    public long version;
}
