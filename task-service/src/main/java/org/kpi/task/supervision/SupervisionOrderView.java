package org.kpi.task.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A supervision order as clients see it; {@code overdue}: unanswered past {@code respondBy}. */
@Schema(description = "督办单及牵头单位的反馈 · A supervision order and the answer to it")
public record SupervisionOrderView(Long id, Long taskId, SupervisionLevel level, String reason, LocalDate respondBy,
                                   String issuedBy, OffsetDateTime issuedAt, boolean answered,
                                   @Schema(nullable = true) String responseText,
                                   @Schema(nullable = true) String respondedBy,
                                   @Schema(nullable = true, implementation = String.class, format = "date-time")
                                   OffsetDateTime respondedAt,
                                   boolean overdue, long version) {

    static SupervisionOrderView of(SupervisionOrder o, LocalDate today) {
        return new SupervisionOrderView(o.id, o.taskId, o.level, o.reason, o.respondBy, o.issuedBy, o.issuedAt,
                o.isAnswered(), o.responseText, o.respondedBy, o.respondedAt,
                !o.isAnswered() && o.respondBy.isBefore(today), o.version);
    }
}
