package org.kpi.task.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** A unit taking part in a task, with its role and (for subtree filters) its org path. */
@Embeddable
public class TaskUnit {

    @Column(name = "unit_code", nullable = false, length = 32)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public UnitRole role;

    @Column(name = "unit_path", nullable = false, length = 512)
    public String unitPath;

    public TaskUnit() {
    }

    public TaskUnit(String unitCode, UnitRole role, String unitPath) {
        this.unitCode = unitCode;
        this.role = role;
        this.unitPath = unitPath;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskUnit unit && Objects.equals(unitCode, unit.unitCode)
                && role == unit.role && Objects.equals(unitPath, unit.unitPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, role, unitPath);
    }
}
