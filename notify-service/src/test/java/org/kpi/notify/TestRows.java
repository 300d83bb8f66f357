package org.kpi.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads notify-service's tables in tests, each query in its own transaction. */
@ApplicationScoped
public class TestRows {

    @Inject
    EntityManager em;

    /** The rows of {@code sql} with positional parameters ?1, ?2 …; a single column comes as a one-element array. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            List<?> result = query.getResultList();
            return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
        });
    }

    /** The single number {@code sql} answers. */
    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0)[0]).longValue();
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
}
