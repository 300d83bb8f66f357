package org.kpi.task.tasks;

import jakarta.ws.rs.QueryParam;

/** The list filters of {@code GET /api/v1/tasks}, shared by the list and the ledger export. */
public class TaskListParams {

    @QueryParam("orgUnit")
    public String orgUnit;

    @QueryParam("involvement")
    public String involvement;

    @QueryParam("status")
    public String status;

    @QueryParam("colour")
    public String colour;

    @QueryParam("overdue")
    public String overdue;

    @QueryParam("dueBefore")
    public String dueBefore;

    @QueryParam("category")
    public String category;

    @QueryParam("q")
    public String q;

    @QueryParam("responseOverdue")
    public String responseOverdue;

    @QueryParam("sort")
    public String sort;

    /** The parsed filter; a malformed parameter is a 400 problem naming it. */
    public TaskFilter filter() {
        return TaskFilter.parse(orgUnit, involvement, status, colour, overdue, dueBefore, category, q,
                responseOverdue, sort);
    }
}
