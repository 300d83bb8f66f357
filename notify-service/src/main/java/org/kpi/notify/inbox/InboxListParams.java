package org.kpi.notify.inbox;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filter of {@code GET /api/v1/inbox} ({@code @BeanParam}). */
public class InboxListParams {

    @QueryParam("unread")
    @Parameter(description = "true 只看未读，false 只看已读，不给则全部 · true: unread only, false: read only, "
            + "absent: all")
    public Boolean unread;
}
