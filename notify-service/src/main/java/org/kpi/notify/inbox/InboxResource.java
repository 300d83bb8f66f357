package org.kpi.notify.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kpi.common.security.Roles;
import org.kpi.common.web.PageParams;
import org.kpi.common.web.PageResult;

/** The in-app inbox (站内信) of the caller's org unit. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "站内信 Inbox", description = "本单位（令牌 org）的站内信：提醒和通知的站内副本，未读在前；"
        + "只能阅读，不能删除 · The in-app inbox of the caller's own org unit (token org): reminders and notices, "
        + "unread first; read-only but for marking read")
public class InboxResource {

    @Inject
    InboxService service;

    @GET
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "listInbox", summary = "本单位站内信（未读在前，再按时间倒序）")
    public PageResult<InboxMessageView> list(@BeanParam InboxListParams params, @BeanParam PageParams page) {
        return service.list(params.unread, page.request());
    }

    @GET
    @Path("/unread-count")
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "countUnreadInbox", summary = "本单位未读站内信数")
    public UnreadCount unreadCount() {
        return service.unreadCount();
    }

    @POST
    @Path("/{id: \\d+}/read")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "markInboxMessageRead", summary = "标记站内信已读（重复标记保留首次阅读时间）",
            description = "只能标记本单位的站内信，其他单位的为 404；已读的再次标记不改变阅读人和时间 · Only the "
                    + "caller's unit's messages (another unit's is a 404); marking a read message again keeps the "
                    + "first reader and time")
    @APIResponseSchema(value = InboxMessageView.class, responseCode = "200", responseDescription = "已读 · Read")
    public InboxMessageView read(@PathParam("id") @Parameter(description = "站内信编号 · Message id") long id) {
        return service.read(id);
    }
}
