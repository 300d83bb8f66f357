package org.kpi.goals.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.sql.NamedSql;
import org.kpi.goals.progress.Colour;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    DataSource dataSource;

    /**
     * Targets matching {@code where} (SQL over alias {@code t}, plus any {@code joins}), in the
     * order given; each returned with the extra selected columns after the target's own.
     */
    public List<Row> select(String joins, String extraColumns, String where, String orderBy, Map<String, Object> parameters) {
        String sql = "select " + COLUMNS + (extraColumns.isEmpty() ? "" : ", " + extraColumns)
                + " from target t " + joins + " where " + where + (orderBy.isEmpty() ? "" : " order by " + orderBy);
        // plain JDBC: thousands of rows, no entity or Hibernate result mapping in the way
        List<Row> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = NamedSql.prepare(connection, sql, parameters)) {
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Target t = new Target();
                    t.id = rs.getLong(1);
                    t.indicatorCode = rs.getString(2);
                    t.orgUnitCode = rs.getString(3);
                    t.year = rs.getShort(4);
                    t.committedValue = rs.getBigDecimal(5);
                    t.stretchValue = rs.getBigDecimal(6);
                    t.responsibleUnitCode = rs.getString(7);
                    t.plan = rs.getString(8);
                    t.colour = Colour.valueOf(rs.getString(9));
                    t.approvedTotal = rs.getBigDecimal(10);
                    t.latestPeriod = rs.getString(11);
                    t.latestValue = rs.getBigDecimal(12);
                    t.h1Total = rs.getBigDecimal(13);
                    t.h1Value = rs.getBigDecimal(14);
                    t.h1Reported = rs.getBoolean(15);
                    t.version = rs.getLong(16);
                    short latestEnd = rs.getShort(17);
                    t.latestEndMonth = rs.wasNull() ? null : latestEnd;
                    Object[] extra = new Object[columns - OWN_COLUMNS];
                    for (int c = 0; c < extra.length; c++) {
                        extra[c] = rs.getObject(OWN_COLUMNS + c + 1);
                    }
                    result.add(new Row(t, extra));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading targets failed", e);
        }
        return result;
    }

    /** A detached target and the extra columns selected with it. */
    public record Row(Target target, Object[] extra) {
    }
}
