package org.kpi.notify;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pages of rows read with native SQL (reminders, deliveries, inbox messages have no entities: the
 * sweep and the delivery worker write them with SQL too), and the conversions of their column
 * values, whatever Java type the JDBC driver hands back for them.
 */
public final class NativeRows {

    private NativeRows() {
    }

    /**
     * One page of {@code select <columns> from <from> where <where> order by <orderBy>} and the
     * total count of the filtered rows, each row mapped by {@code mapper}.
     */
    public static <T> PageResult<T> page(EntityManager em, String columns, String from, String where, String orderBy,
                                         Map<String, Object> params, PageRequest page, Function<Object[], T> mapper) {
        Query count = em.createNativeQuery("select count(*) from " + from + " where " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0 || page.offset() >= total) {
            return PageResult.of(List.of(), page, total);
        }
        Query rows = em.createNativeQuery("select " + columns + " from " + from + " where " + where
                        + " order by " + orderBy)
                .setFirstResult(page.offset())
                .setMaxResults(page.size());
        params.forEach(rows::setParameter);
        List<T> items = ((List<?>) rows.getResultList()).stream().map(row -> mapper.apply((Object[]) row)).toList();
        return PageResult.of(items, page, total);
    }

    /**
     * The {@code orgUnit} filter of a list: rows whose {@code codeColumn} names a unit in the
     * subtree of {@code orgUnit} (the unit itself for a department), as task-service narrows its
     * lists; an unknown code matches nothing, no code every row.
     */
    public static ScopePredicate unitSubtree(OrgTree tree, String orgUnit, String codeColumn) {
        if (orgUnit == null || orgUnit.isBlank()) {
            return ScopePredicate.everything();
        }
        OrgUnit unit = tree.find(orgUnit.trim()).orElse(null);
        if (unit == null) {
            return ScopePredicate.nothing();
        }
        return ScopePredicate.unitWithin(codeColumn, unit.path, "filterUnit");
    }

    /** A {@code timestamptz} column as an offset date-time in {@code zone}; {@code null} stays null. */
    public static OffsetDateTime timestamp(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        Instant instant;
        if (value instanceof OffsetDateTime odt) {
            instant = odt.toInstant();
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof ZonedDateTime zdt) {
            instant = zdt.toInstant();
        } else {
            instant = ((Timestamp) value).toInstant();
        }
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** A {@code date} column. */
    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    public static int intValue(Object value) {
        return ((Number) value).intValue();
    }
}
