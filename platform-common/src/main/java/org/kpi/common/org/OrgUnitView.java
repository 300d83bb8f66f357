package org.kpi.common.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An org unit as the API shows it and as {@code org-unit.upserted} carries it. */
@Schema(name = "OrgUnit", description = "组织机构：市、区或部门 · An org unit: city, district or department")
public record OrgUnitView(String code, String name, OrgUnitType type,
                          @Schema(nullable = true, description = "上级机构代码，市为 null · The parent's code; null for a city")
                          String parentCode, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.type, unit.parentCode, unit.version,
                unit.createdAt, unit.updatedAt);
    }
}
