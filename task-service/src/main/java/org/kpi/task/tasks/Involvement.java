package org.kpi.task.tasks;

/** Which part a unit plays in the tasks a list asks for: lead, co-unit, or either. */
public enum Involvement {
    LEAD,
    CO,
    ANY
}
