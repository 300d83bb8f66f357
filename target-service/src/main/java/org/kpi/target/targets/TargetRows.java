package org.kpi.target.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.kpi.target.progress.Colour;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads targets for the read-heavy screens (dashboard, rankings) as plain rows in one SQL
 * statement, without loading managed entities: detached {@link Target} objects carry the columns
 * progress needs, and nothing is dirty-checked or flushed afterwards.
 */
@ApplicationScoped
public class TargetRows {

    static final String COLUMNS = "t.id, t.indicator_code, t.org_unit_code, t.year, t.committed_value, t.stretch_value,"
            + " t.responsible_unit_code, cast(t.plan as text), t.colour, t.approved_total, t.latest_period, t.latest_value,"
            + " t.h1_total, t.h1_value, t.h1_reported, t.version, t.latest_end_month";

    private static final int OWN_COLUMNS = 17;

    @Inject
    EntityManager em;

    /**
     * Targets matching {@code where} (SQL over alias {@code t}, plus any {@code joins}), in the
     * order given; each returned with the extra selected columns after the target's own.
     */
    public List<Row> select(String joins, String extraColumns, String where, String orderBy, Map<String, Object> parameters) {
        Query query = em.createNativeQuery("select " + COLUMNS + (extraColumns.isEmpty() ? "" : ", " + extraColumns)
                + " from target t " + joins + " where " + where + (orderBy.isEmpty() ? "" : " order by " + orderBy));
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Target t = new Target();
            t.id = ((Number) r[0]).longValue();
            t.indicatorCode = (String) r[1];
            t.orgUnitCode = (String) r[2];
            t.year = ((Number) r[3]).shortValue();
            t.committedValue = (BigDecimal) r[4];
            t.stretchValue = (BigDecimal) r[5];
            t.responsibleUnitCode = (String) r[6];
            t.plan = (String) r[7];
            t.colour = Colour.valueOf((String) r[8]);
            t.approvedTotal = (BigDecimal) r[9];
            t.latestPeriod = (String) r[10];
            t.latestValue = (BigDecimal) r[11];
            t.h1Total = (BigDecimal) r[12];
            t.h1Value = (BigDecimal) r[13];
            t.h1Reported = (Boolean) r[14];
            t.version = ((Number) r[15]).longValue();
            t.latestEndMonth = r[16] == null ? null : ((Number) r[16]).shortValue();
            Object[] extra = new Object[r.length - OWN_COLUMNS];
            System.arraycopy(r, OWN_COLUMNS, extra, 0, extra.length);
            result.add(new Row(t, extra));
        }
        return result;
    }

    /** A detached target and the extra columns selected with it. */
    public record Row(Target target, Object[] extra) {
    }
}
