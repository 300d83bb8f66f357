package org.kpi.common.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/**
 * An org unit (组织机构). target-service owns the tree; every other service keeps a replica of
 * it, fed from target-service's event feed, in a table of the same shape.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @Column(length = 32)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrgUnitType type;

    @Column(name = "parent_code", length = 32)
    public String parentCode;

    /** Materialised path, see {@link OrgPath}. */
    @Column(nullable = false, length = 512)
    public String path;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
