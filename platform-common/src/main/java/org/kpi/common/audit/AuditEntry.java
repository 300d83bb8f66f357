package org.kpi.common.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/**
 * One recorded write (全程留痕). Rows are never updated or deleted; the database refuses both.
 * Read here; {@link AuditLog} inserts them in SQL, in one batch per transaction.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, length = 128)
    public String actor;

    @Column(name = "actor_name", length = 128)
    public String actorName;

    @Column(name = "actor_org", length = 32)
    public String actorOrg;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(nullable = false, length = 64)
    public String entity;

    @Column(name = "entity_id", nullable = false, length = 128)
    public String entityId;

    /** The org unit the changed object belongs to: decides who may read this entry. */
    @Column(name = "scope_org", length = 32)
    public String scopeOrg;

    @Column(columnDefinition = "jsonb")
    public String before;

    @Column(columnDefinition = "jsonb")
    public String after;
}
