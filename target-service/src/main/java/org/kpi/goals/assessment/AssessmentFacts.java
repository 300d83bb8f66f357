package org.kpi.goals.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Keeps what assessment scores and the cadence documents list from task-service's feed, so that
 * neither calls another service: tasks (units, dates, milestones, cadence, closure), progress
 * reports, supervision orders and their answers, accountability records, and satisfaction ratings.
 * Every write is idempotent: a task never moves back to an older version (the same version again
 * — task-service republishing a task whose event grew — fills what was missing), an order, a
 * record or a report is keyed by its id, a rating by its event.
 */
@ApplicationScoped
public class AssessmentFacts implements EventHandler {

    static final String TASK_UPSERTED = "task.upserted";
    static final String TASK_CLOSED = "task.closed";
    static final String TASK_RETURNED = "task.returned";
    static final String ORDER_ISSUED = "supervision-order.issued";
    static final String ORDER_RESPONDED = "supervision-order.responded";
    static final String ACCOUNTABILITY_RECORDED = "accountability.recorded";
    static final String REPORT_FILED = "progress-report.filed";
    private static final Set<String> TYPES = Set.of(TASK_UPSERTED, TASK_CLOSED, TASK_RETURNED, ORDER_ISSUED,
            ORDER_RESPONDED, ACCOUNTABILITY_RECORDED, REPORT_FILED);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = event.payload();
        if (p == null || !p.isObject()) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 没有内容");
        }
        switch (event.type()) {
            case TASK_UPSERTED -> task(event);
            case TASK_CLOSED -> closed(event);
            case TASK_RETURNED -> returned(event);
            case ORDER_ISSUED -> orderIssued(event);
            case ORDER_RESPONDED -> orderResponded(event);
            case REPORT_FILED -> reportFiled(event);
            default -> accountability(event);
        }
    }

    private void task(FeedEvent event) {
        long id = UnusableEvent.requiredLong(event, "id");
        String status = UnusableEvent.requiredText(event, "status");
        long version = UnusableEvent.requiredLong(event, "version");
        // a closed task reopened: the rating of that closure no longer stands (a later closure brings its own)
        if (!"CLOSED".equals(status)) {
            em.createNativeQuery("""
                            delete from assessment_rating r using assessment_task t
                             where t.task_id = ?1 and r.task_id = t.task_id and t.status = 'CLOSED' and t.version < ?2
                               and r.event_key like 'task.closed#%'""")
                    .setParameter(1, id).setParameter(2, version).executeUpdate();
        }
        JsonNode p = event.payload();
        em.createNativeQuery("""
                        insert into assessment_task (task_id, org_unit_code, lead_unit_code, title, status, due_date,
                                                     closed_on, version, co_unit_codes, category, target_id, start_date,
                                                     assigned_on, reporting_cadence, responsible_leader, milestones)
                        values (?1, ?2, ?3, ?4, ?5, ?6, null, ?7, cast(?8 as varchar(32)[]), ?9, ?10, ?11, ?12, ?13, ?14,
                                cast(?15 as jsonb))
                        on conflict (task_id) do update
                           set org_unit_code = excluded.org_unit_code, lead_unit_code = excluded.lead_unit_code,
                               title = excluded.title, status = excluded.status, due_date = excluded.due_date,
                               closed_on = case when excluded.status = 'CLOSED' then assessment_task.closed_on end,
                               version = excluded.version, co_unit_codes = excluded.co_unit_codes,
                               category = excluded.category, target_id = excluded.target_id,
                               start_date = excluded.start_date, assigned_on = excluded.assigned_on,
                               reporting_cadence = excluded.reporting_cadence,
                               responsible_leader = excluded.responsible_leader, milestones = excluded.milestones
                         where assessment_task.version <= excluded.version""")
                .setParameter(1, id)
                .setParameter(2, bounded(event, UnusableEvent.requiredText(event, "orgUnitCode"), 32))
                .setParameter(3, bounded(event, UnusableEvent.requiredText(event, "leadUnitCode"), 32))
                .setParameter(4, bounded(event, UnusableEvent.requiredText(event, "title"), 300))
                .setParameter(5, bounded(event, status, 24))
                .setParameter(6, date(event, "dueDate"))
                .setParameter(7, version)
                .setParameter(8, codes(event, p.path("coUnitCodes")))
                .setParameter(9, bounded(event, UnusableEvent.optionalText(event, "category"), 64))
                .setParameter(10, p.hasNonNull("targetId") ? p.get("targetId").asLong() : null)
                .setParameter(11, optionalDate(event, "startDate"))
                .setParameter(12, p.hasNonNull("assignedAt") ? day(event, "assignedAt") : null)
                .setParameter(13, bounded(event, UnusableEvent.optionalText(event, "reportingCadence"), 16))
                .setParameter(14, bounded(event, UnusableEvent.optionalText(event, "responsibleLeader"), 100))
                .setParameter(15, milestones(event, p.path("milestones")))
                .executeUpdate();
    }

    /** A unit's progress report: the day it was filed, for the documents' who-has-not-reported lists. */
    private void reportFiled(FeedEvent event) {
        JsonNode p = event.payload();
        em.createNativeQuery("""
                        insert into task_report_fact (report_id, task_id, unit_code, reported_on, percent_done)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (report_id) do nothing""")
                .setParameter(1, UnusableEvent.requiredLong(event, "reportId"))
                .setParameter(2, UnusableEvent.requiredLong(event, "taskId"))
                .setParameter(3, bounded(event, UnusableEvent.requiredText(event, "unitCode"), 32))
                .setParameter(4, date(event, "reportedOn"))
                .setParameter(5, p.hasNonNull("percentDone") ? p.get("percentDone").asInt() : null)
                .executeUpdate();
    }

    /** The co-units as a PostgreSQL array literal, each quoted (a unit coded NULL stays a code). */
    private static String codes(FeedEvent event, JsonNode array) {
        StringBuilder literal = new StringBuilder("{");
        for (JsonNode code : array) {
            String text = bounded(event, code.asText(), 32);
            if (!text.matches("[A-Za-z0-9_-]+")) {
                throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 含不合规的单位代码");
            }
            literal.append(literal.length() > 1 ? "," : "").append('"').append(text).append('"');
        }
        return literal.append('}').toString();
    }

    /** The milestones as the documents read them: title, due date, whether and on which business day it was completed. */
    private String milestones(FeedEvent event, JsonNode array) {
        ArrayNode kept = MAPPER.createArrayNode();
        for (JsonNode m : array) {
            ObjectNode milestone = kept.addObject();
            milestone.put("title", m.path("title").asText(""));
            milestone.put("dueDate", m.hasNonNull("dueDate") ? m.get("dueDate").asText() : null);
            LocalDate completedOn = null;
            if (m.hasNonNull("completedAt")) {
                try {
                    completedOn = OffsetDateTime.parse(m.get("completedAt").asText()).atZoneSameInstant(clock.getZone())
                            .toLocalDate();
                } catch (DateTimeParseException e) {
                    throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的里程碑完成时间不是时间");
                }
            }
            milestone.put("completed", completedOn != null || m.path("completed").asBoolean(false));
            milestone.put("completedOn", completedOn == null ? null : completedOn.toString());
        }
        return kept.toString();
    }

    /** The task closed: the day it closed, and the rating it was given. */
    private void closed(FeedEvent event) {
        long id = UnusableEvent.requiredLong(event, "taskId");
        LocalDate on = day(event, "at");
        // a replayed earlier closure (before a reopening) never moves the day back
        em.createNativeQuery("update assessment_task set closed_on = ?1 where task_id = ?2 and status = 'CLOSED'"
                        + " and (closed_on is null or closed_on <= ?1)")
                .setParameter(1, on).setParameter(2, id).executeUpdate();
        rating(event, id, on);
    }

    /** A return for an UNSATISFIED rating is a rating too. */
    private void returned(FeedEvent event) {
        rating(event, UnusableEvent.requiredLong(event, "taskId"), day(event, "at"));
    }

    private void rating(FeedEvent event, long taskId, LocalDate on) {
        String rating = UnusableEvent.optionalText(event, "rating");
        if (rating == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into assessment_rating (event_key, task_id, lead_unit_code, task_title, rating, rated_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (event_key) do nothing""")
                .setParameter(1, event.type() + "#" + event.seq())
                .setParameter(2, taskId)
                .setParameter(3, bounded(event, UnusableEvent.requiredText(event, "leadUnitCode"), 32))
                .setParameter(4, bounded(event, UnusableEvent.optionalText(event, "title"), 300))
                .setParameter(5, bounded(event, rating, 24))
                .setParameter(6, on)
                .executeUpdate();
    }

    private void orderIssued(FeedEvent event) {
        em.createNativeQuery("""
                        insert into assessment_order (order_id, task_id, lead_unit_code, task_title, level, issued_on,
                                                      respond_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (order_id) do nothing""")
                .setParameter(1, UnusableEvent.requiredLong(event, "id"))
                .setParameter(2, UnusableEvent.requiredLong(event, "taskId"))
                .setParameter(3, bounded(event, UnusableEvent.requiredText(event, "leadUnitCode"), 32))
                .setParameter(4, bounded(event, UnusableEvent.optionalText(event, "taskTitle"), 300))
                .setParameter(5, bounded(event, UnusableEvent.requiredText(event, "level"), 16))
                .setParameter(6, day(event, "issuedAt"))
                .setParameter(7, date(event, "respondBy"))
                .executeUpdate();
    }

    private void orderResponded(FeedEvent event) {
        // kept apart from the order, so that an answer applied before its order (a replay) is not lost
        em.createNativeQuery("""
                        insert into assessment_order_response (order_id, responded_on) values (?1, ?2)
                        on conflict (order_id) do nothing""")
                .setParameter(1, UnusableEvent.requiredLong(event, "id"))
                .setParameter(2, day(event, "respondedAt"))
                .executeUpdate();
    }

    private void accountability(FeedEvent event) {
        JsonNode p = event.payload();
        em.createNativeQuery("""
                        insert into assessment_accountability (record_id, org_unit_code, kind, reason, task_id, recorded_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (record_id) do nothing""")
                .setParameter(1, UnusableEvent.requiredLong(event, "id"))
                .setParameter(2, bounded(event, UnusableEvent.requiredText(event, "orgUnitCode"), 32))
                .setParameter(3, bounded(event, UnusableEvent.requiredText(event, "kind"), 24))
                .setParameter(4, UnusableEvent.optionalText(event, "reason"))
                .setParameter(5, p.hasNonNull("taskId") ? p.get("taskId").asLong() : null)
                .setParameter(6, p.hasNonNull("recordedAt") ? day(event, "recordedAt")
                        : event.occurredAt() != null ? event.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDate()
                        : LocalDate.now(clock))
                .executeUpdate();
    }

    private static LocalDate optionalDate(FeedEvent event, String field) {
        return event.payload().hasNonNull(field) ? date(event, field) : null;
    }

    private static LocalDate date(FeedEvent event, String field) {
        try {
            return LocalDate.parse(UnusableEvent.requiredText(event, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的 " + field + " 不是日期");
        }
    }

    /** The business day (Asia/Shanghai) of a timestamp field. */
    private LocalDate day(FeedEvent event, String field) {
        try {
            return OffsetDateTime.parse(UnusableEvent.requiredText(event, field))
                    .atZoneSameInstant(clock.getZone()).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的 " + field + " 不是时间");
        }
    }

    private static String bounded(FeedEvent event, String text, int max) {
        if (text != null && text.length() > max) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 含超长字段（最长 " + max + "）");
        }
        return text;
    }
}
