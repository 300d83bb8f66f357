package org.kpi.task.tasks;

/** How a unit takes part in a task: lead unit (牵头单位) or co-unit (配合单位). */
public enum UnitRole {
    LEAD,
    CO
}
