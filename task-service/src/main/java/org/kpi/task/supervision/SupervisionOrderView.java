package org.kpi.task.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A supervision order as clients see it; {@code overdue}: unanswered past {@code respondBy}. */
public record SupervisionOrderView(Long id, Long taskId, SupervisionLevel level, String reason, LocalDate respondBy,
                                   String issuedBy, OffsetDateTime issuedAt, boolean answered, String responseText,
                                   String respondedBy, OffsetDateTime respondedAt, boolean overdue, long version) {

    static SupervisionOrderView of(SupervisionOrder o, LocalDate today) {
        return new SupervisionOrderView(o.id, o.taskId, o.level, o.reason, o.respondBy, o.issuedBy, o.issuedAt,
                o.isAnswered(), o.responseText, o.respondedBy, o.respondedAt,
                !o.isAnswered() && o.respondBy.isBefore(today), o.version);
    }
}
