package org.kpi.notify.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;
import org.kpi.notify.reminders.ReminderCancellation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.kpi.notify.projection.EventPayloads.date;
import static org.kpi.notify.projection.EventPayloads.payload;
import static org.kpi.notify.projection.EventPayloads.required;
import static org.kpi.notify.projection.EventPayloads.text;
import static org.kpi.notify.projection.EventPayloads.timestamp;

/**
 * Keeps notify-service's own copy of task-service's tasks, milestones and report dates, so
 * reminders go out while task-service is down. A task that is closed, cancelled or awaiting
 * closure, a completed milestone, a filed report and a unit's signature on the task withdraw what
 * was still waiting to be sent.
 */
@ApplicationScoped
public class TaskProjector implements EventHandler {

    static final String TASK_UPSERTED = "task.upserted";
    static final String REPORT_FILED = "progress-report.filed";
    private static final Set<String> OPEN = Set.of("ASSIGNED", "IN_PROGRESS");

    @Inject
    EntityManager em;

    @Inject
    ReminderCancellation cancellation;

    @Override
    public boolean handles(String type) {
        return TASK_UPSERTED.equals(type) || REPORT_FILED.equals(type);
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = payload(event);
        if (REPORT_FILED.equals(event.type())) {
            reportFiled(p);
        } else {
            taskUpserted(p);
        }
    }

    private void taskUpserted(JsonNode p) {
        long id = required(p, "id").asLong();
        String status = required(p, "status").asText();
        boolean open = OPEN.contains(status);
        List<String> coUnits = new ArrayList<>();
        p.path("coUnitCodes").forEach(c -> coUnits.add(c.asText()));
        List<String> unsigned = new ArrayList<>();
        p.path("unsignedUnitCodes").forEach(c -> unsigned.add(c.asText()));
        LocalDate due = date(p, "dueDate");
        int applied = em.createNativeQuery("""
                        insert into task_projection (id, title, org_unit_code, lead_unit_code, co_unit_codes,
                            responsible_leader, start_date, due_date, reporting_cadence, status, open, version, updated_at,
                            sign_for_due, unsigned_unit_codes)
                        values (?1, ?2, ?3, ?4, string_to_array(?5, ',')::varchar[], ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                                ?14, string_to_array(?15, ',')::varchar[])
                        on conflict (id) do update
                           set title = excluded.title, org_unit_code = excluded.org_unit_code,
                               lead_unit_code = excluded.lead_unit_code, co_unit_codes = excluded.co_unit_codes,
                               responsible_leader = excluded.responsible_leader, start_date = excluded.start_date,
                               due_date = excluded.due_date, reporting_cadence = excluded.reporting_cadence,
                               status = excluded.status, open = excluded.open, version = excluded.version,
                               updated_at = excluded.updated_at, sign_for_due = excluded.sign_for_due,
                               unsigned_unit_codes = excluded.unsigned_unit_codes
                         where task_projection.version < excluded.version""")
                .setParameter(1, id)
                .setParameter(2, required(p, "title").asText())
                .setParameter(3, required(p, "orgUnitCode").asText())
                .setParameter(4, text(p, "leadUnitCode"))
                .setParameter(5, String.join(",", coUnits))
                .setParameter(6, text(p, "responsibleLeader"))
                .setParameter(7, date(p, "startDate"))
                .setParameter(8, due)
                .setParameter(9, text(p, "reportingCadence"))
                .setParameter(10, status)
                .setParameter(11, open)
                .setParameter(12, p.path("version").asLong())
                .setParameter(13, p.hasNonNull("updatedAt") ? timestamp(p, "updatedAt")
                        : OffsetDateTime.now())
                .setParameter(14, date(p, "signForDueDate"))
                .setParameter(15, String.join(",", unsigned))
                .executeUpdate();
        if (applied == 0) {
            return; // an older version than the one projected: already superseded
        }
        List<Long> kept = new ArrayList<>();
        for (JsonNode m : p.path("milestones")) {
            long milestoneId = required(m, "id").asLong();
            boolean completed = m.path("completed").asBoolean(false);
            kept.add(milestoneId);
            em.createNativeQuery("""
                            insert into milestone_projection (id, task_id, title, due_date, completed)
                            values (?1, ?2, ?3, ?4, ?5)
                            on conflict (id) do update
                               set title = excluded.title, due_date = excluded.due_date, completed = excluded.completed""")
                    .setParameter(1, milestoneId)
                    .setParameter(2, id)
                    .setParameter(3, required(m, "title").asText())
                    .setParameter(4, date(m, "dueDate"))
                    .setParameter(5, completed)
                    .executeUpdate();
            if (completed) {
                cancellation.milestone(milestoneId);
            }
        }
        @SuppressWarnings("unchecked")
        List<Number> gone = em.createNativeQuery("select id from milestone_projection where task_id = ?1")
                .setParameter(1, id).getResultList();
        for (Number milestone : gone) {
            if (!kept.contains(milestone.longValue())) {
                cancellation.milestone(milestone.longValue());
                em.createNativeQuery("delete from milestone_projection where id = ?1")
                        .setParameter(1, milestone.longValue()).executeUpdate();
            }
        }
        if (!open) {
            cancellation.task(id);
        } else {
            if (due != null) {
                cancellation.taskDueDateMoved(id, due);
            }
            cancellation.signedFor(id, unsigned);
        }
    }

    private void reportFiled(JsonNode p) {
        long taskId = required(p, "taskId").asLong();
        String unit = required(p, "unitCode").asText();
        LocalDate on = date(p, "reportedOn");
        if (on == null) {
            throw new UnusableEvent("进展填报事件缺少 reportedOn");
        }
        em.createNativeQuery("""
                        insert into report_projection (task_id, unit_code, last_reported_on) values (?1, ?2, ?3)
                        on conflict (task_id, unit_code) do update
                           set last_reported_on = greatest(report_projection.last_reported_on, excluded.last_reported_on)""")
                .setParameter(1, taskId)
                .setParameter(2, unit)
                .setParameter(3, on)
                .executeUpdate();
        cancellation.report(taskId, unit);
    }

}
