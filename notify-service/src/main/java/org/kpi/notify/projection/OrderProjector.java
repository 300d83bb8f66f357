package org.kpi.notify.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;
import org.kpi.notify.reminders.ReminderCancellation;


import static org.kpi.notify.projection.EventPayloads.date;
import static org.kpi.notify.projection.EventPayloads.payload;
import static org.kpi.notify.projection.EventPayloads.required;
import static org.kpi.notify.projection.EventPayloads.timestamp;

/**
 * Keeps notify-service's copy of task-service's supervision orders (督办单): an issued order is open
 * until the lead unit responds, and its respond-by date is chased on the ladder like a due date. A
 * response withdraws the order's reminders still waiting.
 */
@ApplicationScoped
public class OrderProjector implements EventHandler {

    public static final String ISSUED = "supervision-order.issued";
    public static final String RESPONDED = "supervision-order.responded";

    @Inject
    EntityManager em;

    @Inject
    ReminderCancellation cancellation;

    @Override
    public boolean handles(String type) {
        return ISSUED.equals(type) || RESPONDED.equals(type);
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = payload(event);
        if (ISSUED.equals(event.type())) {
            issued(p);
        } else {
            responded(p);
        }
    }

    private void issued(JsonNode p) {
        var respondBy = date(p, "respondBy");
        if (respondBy == null) {
            throw new UnusableEvent("督办单事件缺少 respondBy");
        }
        // a replay of an order already answered leaves it answered
        em.createNativeQuery("""
                        insert into order_projection (id, task_id, level, reason, respond_by, issued_at, open)
                        values (?1, ?2, ?3, ?4, ?5, ?6, true)
                        on conflict (id) do nothing""")
                .setParameter(1, required(p, "id").asLong())
                .setParameter(2, required(p, "taskId").asLong())
                .setParameter(3, required(p, "level").asText())
                .setParameter(4, required(p, "reason").asText())
                .setParameter(5, respondBy)
                .setParameter(6, timestamp(p, "issuedAt"))
                .executeUpdate();
    }

    private void responded(JsonNode p) {
        long id = required(p, "id").asLong();
        em.createNativeQuery("update order_projection set open = false, responded_at = ?2 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, timestamp(p, "respondedAt"))
                .executeUpdate();
        cancellation.order(id);
    }
}
