package org.kpi.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * notify-service's tables read and written with SQL in tests, each call in its own transaction:
 * to check what the sweep and the worker did, and to put deliveries and inbox messages in states
 * (failed, read, created at a given time) that a test of the API needs.
 */
@ApplicationScoped
public class NotifyRows {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> result = bind(em.createNativeQuery(sql), parameters).getResultList();
            return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
        });
    }

    public Object value(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> bind(em.createNativeQuery(sql), parameters)
                .getSingleResult());
    }

    public long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    public int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> bind(em.createNativeQuery(sql), parameters)
                .executeUpdate());
    }

    /** The deliveries of {@code task}'s reminders to {@code unit} on {@code channel}, oldest first. */
    public List<Long> deliveries(long task, String unit, String channel) {
        return rows("select d.id from delivery d join reminder r on r.id = d.reminder_id where r.task_id = ?1 "
                + "and d.org_unit_code = ?2 and d.channel = ?3 order by d.id", task, unit, channel).stream()
                .map(r -> ((Number) r[0]).longValue()).toList();
    }

    /** A timestamp column's value as an instant, whichever type the driver gave. */
    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * An inbox message for {@code unit} as the inbox sender writes it, on an inbox delivery of the
     * unit that has none yet; its id.
     */
    public long inbox(String unit, String title, Instant createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object delivery = em.createNativeQuery("select d.id from delivery d where d.org_unit_code = ?1 "
                            + "and d.channel = 'INBOX' and not exists (select 1 from inbox_message m where "
                            + "m.delivery_id = d.id) order by d.id limit 1")
                    .setParameter(1, unit).getSingleResult();
            Object id = em.createNativeQuery("insert into inbox_message (delivery_id, org_unit_code, title, body, "
                            + "link, kind, created_at) values (?1, ?2, ?3, ?4, ?5, 'NOTICE', ?6) returning id")
                    .setParameter(1, ((Number) delivery).longValue())
                    .setParameter(2, unit)
                    .setParameter(3, title)
                    .setParameter(4, title + "，请及时办理。")
                    .setParameter(5, "http://localhost:8080/tasks/1")
                    .setParameter(6, createdAt.atOffset(ZoneOffset.UTC))
                    .getSingleResult();
            return ((Number) id).longValue();
        });
    }

    private static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
