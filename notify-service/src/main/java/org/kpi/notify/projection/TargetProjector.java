package org.kpi.notify.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.notify.reminders.ReminderCancellation;

import java.util.Set;

import static org.kpi.notify.projection.EventPayloads.payload;
import static org.kpi.notify.projection.EventPayloads.required;
import static org.kpi.notify.projection.EventPayloads.text;

/**
 * Keeps notify-service's copy of target-service's targets (responsible unit, frequency, due day
 * of actuals) and of which periods have an actual, so missing actuals are chased while
 * target-service is down. A submitted or approved actual withdraws what was waiting about it; a
 * returned one is missing again.
 */
@ApplicationScoped
public class TargetProjector implements EventHandler {

    static final String TARGET_UPSERTED = "target.upserted";
    static final String INDICATOR_UPSERTED = "indicator.upserted";
    private static final Set<String> ACTUALS = Set.of("actual.submitted", "actual.approved", "actual.returned");

    @Inject
    EntityManager em;

    @Inject
    ReminderCancellation cancellation;

    @Override
    public boolean handles(String type) {
        return TARGET_UPSERTED.equals(type) || INDICATOR_UPSERTED.equals(type) || ACTUALS.contains(type);
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = payload(event);
        switch (event.type()) {
            case TARGET_UPSERTED -> target(p);
            case INDICATOR_UPSERTED -> indicator(p);
            default -> actual(p);
        }
    }

    private void target(JsonNode p) {
        em.createNativeQuery("""
                        insert into target_projection (id, indicator_code, indicator_name, unit, frequency,
                            actuals_due_day, org_unit_code, responsible_unit_code, year, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (id) do update
                           set indicator_code = excluded.indicator_code, indicator_name = excluded.indicator_name,
                               unit = excluded.unit, frequency = excluded.frequency,
                               actuals_due_day = excluded.actuals_due_day, org_unit_code = excluded.org_unit_code,
                               responsible_unit_code = excluded.responsible_unit_code, year = excluded.year,
                               version = excluded.version
                         where target_projection.version < excluded.version""")
                .setParameter(1, required(p, "id").asLong())
                .setParameter(2, required(p, "indicatorCode").asText())
                .setParameter(3, required(p, "indicatorName").asText())
                .setParameter(4, text(p, "unit"))
                .setParameter(5, required(p, "frequency").asText())
                .setParameter(6, required(p, "actualsDueDay").asInt())
                .setParameter(7, required(p, "orgUnitCode").asText())
                .setParameter(8, text(p, "responsibleUnitCode"))
                .setParameter(9, required(p, "year").asInt())
                .setParameter(10, p.path("version").asLong())
                .executeUpdate();
    }

    /** An indicator's frequency or due day changed: every target of it follows. */
    private void indicator(JsonNode p) {
        em.createNativeQuery("""
                        update target_projection set indicator_name = ?2, unit = ?3, frequency = ?4, actuals_due_day = ?5
                         where indicator_code = ?1""")
                .setParameter(1, required(p, "code").asText())
                .setParameter(2, required(p, "name").asText())
                .setParameter(3, text(p, "unit"))
                .setParameter(4, required(p, "frequency").asText())
                .setParameter(5, required(p, "actualsDueDay").asInt())
                .executeUpdate();
    }

    private void actual(JsonNode p) {
        long target = required(p, "targetId").asLong();
        String period = required(p, "period").asText();
        String status = required(p, "status").asText();
        em.createNativeQuery("""
                        insert into actual_projection (target_id, period, status) values (?1, ?2, ?3)
                        on conflict (target_id, period) do update set status = excluded.status""")
                .setParameter(1, target)
                .setParameter(2, period)
                .setParameter(3, status)
                .executeUpdate();
        if (!"RETURNED".equals(status)) {
            cancellation.actual(target, period);
        }
    }
}
