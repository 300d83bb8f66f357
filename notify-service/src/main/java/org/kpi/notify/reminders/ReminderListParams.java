package org.kpi.notify.reminders;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of {@code GET /api/v1/reminders} ({@code @BeanParam}); a bad enum value is a 400 naming it. */
public class ReminderListParams {

    @QueryParam("orgUnit")
    @Parameter(description = "组织机构代码：只看发给该机构及其下级的提醒（部门即本部门） · "
            + "Org unit code: reminders to it and the units below it")
    public String orgUnit;

    @QueryParam("status")
    @Parameter(description = "提醒状态 · Reminder status")
    public ReminderStatus status;

    @QueryParam("subjectType")
    @Parameter(description = "提醒事项类型 · What is reminded")
    public SubjectType subjectType;
}
