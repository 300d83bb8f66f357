package org.kpi.common.org;

/** The levels of the organisation tree: a city (市), its districts (区), their departments (局/办). */
public enum OrgUnitType {
    CITY,
    DISTRICT,
    DEPARTMENT;

    /** Whether a unit of this type may sit directly under a unit of type {@code parent} (null: root). */
    public boolean mayHaveParent(OrgUnitType parent) {
        return switch (this) {
            case CITY -> parent == null;
            case DISTRICT -> parent == CITY;
            case DEPARTMENT -> parent == CITY || parent == DISTRICT;
        };
    }
}
