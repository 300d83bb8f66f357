package org.kpi.notify.delivery;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.kpi.notify.contacts.ChannelType;

/** The filters of {@code GET /api/v1/deliveries} ({@code @BeanParam}); a bad enum value is a 400 naming it. */
public class DeliveryListParams {

    @QueryParam("status")
    @Parameter(description = "投递状态 · Delivery status")
    public DeliveryStatus status;

    @QueryParam("channel")
    @Parameter(description = "渠道 · Channel")
    public ChannelType channel;

    @QueryParam("orgUnit")
    @Parameter(description = "组织机构代码：只看发给该机构及其下级的投递（部门即本部门） · "
            + "Org unit code: deliveries to it and the units below it")
    public String orgUnit;
}
