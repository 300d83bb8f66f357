package org.kpi.notify.policies;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who a ladder step reaches: the lead unit (牵头单位), the co-units (配合单位), or the supervision
 * office of the district or city the subject belongs to — whose messages name the responsible
 * leader.
 */
@Schema(description = "通知对象：LEAD 牵头单位、CO 配合单位、DISTRICT 区（县）督查室、CITY 市督查室 · "
        + "Who is told: lead unit, co-units, the district's or the city's supervision office")
public enum NotifyParty {
    LEAD,
    CO,
    DISTRICT,
    CITY
}
