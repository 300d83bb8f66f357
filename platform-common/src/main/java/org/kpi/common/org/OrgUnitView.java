package org.kpi.common.org;

import java.time.OffsetDateTime;

/** An org unit as the API shows it and as {@code org-unit.upserted} carries it. */
public record OrgUnitView(String code, String name, OrgUnitType type, String parentCode, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.type, unit.parentCode, unit.version,
                unit.createdAt, unit.updatedAt);
    }
}
