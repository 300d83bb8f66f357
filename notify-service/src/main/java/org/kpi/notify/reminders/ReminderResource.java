package org.kpi.notify.reminders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;

/** Reminder records (提醒记录): what the sweep created, for whom, and where each stands. */
@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "提醒记录 Reminders", description = "巡检按升级阶梯生成的提醒，每个接收单位一条；各角色看本单位及下级的，"
        + "督查人员和管理员可立即巡检一次 · The reminders the sweep creates by the escalation ladder, one per "
        + "recipient unit; everyone sees those of their own subtree; supervisors and admins can run a sweep now")
public class ReminderResource {

    @Inject
    ReminderService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listReminders", summary = "提醒列表（本人可见范围内，最新的在前）",
            description = "发给本单位及下级单位的提醒；orgUnit 再缩小到该单位及其下级，不在可见范围内时为空列表 · "
                    + "Reminders to the caller's unit and the units below it, newest first; orgUnit narrows to "
                    + "that unit's subtree (an empty page when it is outside the caller's)")
    public PageResult<ReminderView> list(@BeanParam ReminderListParams params, @BeanParam PageParams page) {
        return service.list(params, page.request());
    }

    @POST
    @Path("/sweep")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "sweepReminders", summary = "立即巡检一次（督查人员、管理员）",
            description = "与定时巡检相同：为所有到期事项生成当前阶梯步骤的提醒和投递，已生成的不会重复；记入审计日志 · "
                    + "What the scheduled sweep does, now: creates the current step's reminders and deliveries "
                    + "of every due subject, never twice; audited")
    @APIResponseSchema(value = SweepView.class, responseCode = "200", responseDescription = "巡检结果 · What it did")
    public SweepView sweep() {
        return service.sweep();
    }
}
