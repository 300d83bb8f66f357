package org.kpi.common.org;

/**
 * An org unit as the in-memory tree holds it, for reads: what scope checks, filters and headings
 * need, without a managed entity. Writers use {@link OrgTree#find}.
 */
public record OrgNode(String code, String name, OrgUnitType type, String parentCode, String path) {

    static OrgNode of(OrgUnit unit) {
        return new OrgNode(unit.code, unit.name, unit.type, unit.parentCode, unit.path);
    }
}
