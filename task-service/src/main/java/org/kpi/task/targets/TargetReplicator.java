package org.kpi.task.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps {@link TargetCopy} rows from target-service's {@code target.upserted} events. An upsert
 * only ever moves a row to a newer version, so replaying an event (or an older one arriving late)
 * is harmless. An event without the fields a copy needs is {@link UnusableEvent}.
 */
@ApplicationScoped
public class TargetReplicator implements EventHandler {

    public static final String TARGET_UPSERTED = "target.upserted";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public boolean handles(String type) {
        return TARGET_UPSERTED.equals(type);
    }

    @Override
    public void apply(FeedEvent event) {
        long id = UnusableEvent.requiredLong(event, "id");
        long version = UnusableEvent.requiredLong(event, "version");
        long year = UnusableEvent.requiredLong(event, "year");
        if (id <= 0 || version < 0 || year < 1900 || year > 9999) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的 id、version 或 year 超出范围");
        }
        String indicatorCode = boundedText(event, UnusableEvent.requiredText(event, "indicatorCode"), 32);
        String orgUnitCode = boundedText(event, UnusableEvent.requiredText(event, "orgUnitCode"), 32);
        String responsible = boundedText(event, UnusableEvent.requiredText(event, "responsibleUnitCode"), 32);
        em.createNativeQuery("""
                        insert into target_copy (id, indicator_code, indicator_name, unit, frequency, org_unit_code,
                                                 responsible_unit_code, year, committed_value, version, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict (id) do update
                           set indicator_code = excluded.indicator_code, indicator_name = excluded.indicator_name,
                               unit = excluded.unit, frequency = excluded.frequency,
                               org_unit_code = excluded.org_unit_code,
                               responsible_unit_code = excluded.responsible_unit_code, year = excluded.year,
                               committed_value = excluded.committed_value, version = excluded.version,
                               received_at = excluded.received_at
                         where target_copy.version < excluded.version""")
                .setParameter(1, id)
                .setParameter(2, indicatorCode)
                .setParameter(3, boundedText(event, UnusableEvent.optionalText(event, "indicatorName"), 100))
                .setParameter(4, boundedText(event, UnusableEvent.optionalText(event, "unit"), 16))
                .setParameter(5, boundedText(event, UnusableEvent.optionalText(event, "frequency"), 12))
                .setParameter(6, orgUnitCode)
                .setParameter(7, responsible)
                .setParameter(8, (short) year)
                .setParameter(9, optionalDecimal(event, "committedValue"))
                .setParameter(10, version)
                .setParameter(11, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    private static BigDecimal optionalDecimal(FeedEvent event, String field) {
        String text = UnusableEvent.optionalText(event, field);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.abs().compareTo(new BigDecimal("1e16")) < 0 ? value : null;
        } catch (NumberFormatException e) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的字段 " + field + " 不是数值");
        }
    }

    private static String boundedText(FeedEvent event, String text, int max) {
        if (text != null && text.length() > max) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 含超长字段（最长 " + max + "）");
        }
        return text;
    }
}
