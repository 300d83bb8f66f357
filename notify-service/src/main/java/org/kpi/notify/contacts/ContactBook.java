package org.kpi.notify.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An org unit's contacts once first written (联系方式): their version, who changed them last and
 * when. A unit without a book has only its inbox, at version 0.
 */
@Entity
@Table(name = "contact_book")
public class ContactBook {

    @Id
    @Column(name = "org_unit_code", length = 32)
    public String orgUnitCode;

    /** Raised by one on every write; writes of one unit are serialized by a lock on its org unit. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 128)
    public String updatedBy;
}
