package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads tasks for display as plain rows: each task with its units and milestones in one SQL
 * statement (the collections aggregated into arrays beside the task's columns), without a
 * transaction or managed entities. The detached {@link Task} objects it returns are for reading
 * only; a write loads the task through the entity manager under a lock.
 */
@ApplicationScoped
public class TaskRows {

    // dates as text and timestamps as epoch microseconds: read the same whatever the session's time zone
    private static final String SQL = "select t.id, t.title, t.description, t.category, t.source, t.org_unit_code,"
            + " t.org_path, t.lead_unit_code, t.responsible_leader, t.start_date::text, t.due_date::text,"
            + " t.reporting_cadence, t.quantity_value, t.quantity_unit, t.target_id, t.status,"
            + " t.next_due_date::text, t.response_due_date::text, t.percent_done, t.quantity_reached,"
            + " t.closure_summary, t.last_reason, " + micros("t.closure_requested_at") + ", " + micros("t.closed_at")
            + ", t.created_by, t.version, " + micros("t.created_at") + ", " + micros("t.updated_at") + ","
            + " u.codes, u.roles, u.paths, m.ids, m.titles, m.dues, m.completed_at, m.completed_by"
            + " from unnest(?::bigint[]) with ordinality as k(id, n)"
            + " join task t on t.id = k.id"
            + " left join lateral (select array_agg(x.unit_code) codes, array_agg(x.role) roles,"
            + " array_agg(x.unit_path) paths from task_unit x where x.task_id = t.id) u on true"
            + " left join lateral (select array_agg(y.id order by y.position) ids,"
            + " array_agg(y.title order by y.position) titles, array_agg(y.due_date::text order by y.position) dues,"
            + " array_agg(" + micros("y.completed_at") + " order by y.position) completed_at,"
            + " array_agg(y.completed_by order by y.position) completed_by"
            + " from task_milestone y where y.task_id = t.id) m on true"
            + " order by k.n";

    @Inject
    DataSource dataSource;

    /** The task with {@code id}, if there is one. */
    public Task find(long id) {
        List<Task> found = load(List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The tasks of {@code ids} that exist, in that order. */
    public List<Task> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            List<Task> tasks = new ArrayList<>(ids.size());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tasks.add(task(rs));
                }
            }
            return tasks;
        } catch (SQLException e) {
            throw new IllegalStateException("Tasks cannot be read", e);
        }
    }

    private static Task task(ResultSet rs) throws SQLException {
        Task t = new Task();
        t.id = rs.getLong(1);
        t.title = rs.getString(2);
        t.description = rs.getString(3);
        t.category = rs.getString(4);
        t.source = rs.getString(5);
        t.orgUnitCode = rs.getString(6);
        t.orgPath = rs.getString(7);
        t.leadUnitCode = rs.getString(8);
        t.responsibleLeader = rs.getString(9);
        t.startDate = date(rs.getString(10));
        t.dueDate = date(rs.getString(11));
        t.reportingCadence = ReportingCadence.valueOf(rs.getString(12));
        t.quantityValue = rs.getBigDecimal(13);
        t.quantityUnit = rs.getString(14);
        t.targetId = (Long) rs.getObject(15);
        t.status = TaskStatus.valueOf(rs.getString(16));
        t.nextDueDate = date(rs.getString(17));
        t.responseDueDate = date(rs.getString(18));
        t.percentDone = (Integer) rs.getObject(19);
        t.quantityReached = rs.getBigDecimal(20);
        t.closureSummary = rs.getString(21);
        t.lastReason = rs.getString(22);
        t.closureRequestedAt = timestamp((Long) rs.getObject(23));
        t.closedAt = timestamp((Long) rs.getObject(24));
        t.createdBy = rs.getString(25);
        t.version = rs.getLong(26);
        t.createdAt = timestamp((Long) rs.getObject(27));
        t.updatedAt = timestamp((Long) rs.getObject(28));
        Object[] codes = array(rs.getArray(29));
        Object[] roles = array(rs.getArray(30));
        Object[] paths = array(rs.getArray(31));
        t.units = new HashSet<>();
        for (int i = 0; i < codes.length; i++) {
            t.units.add(new TaskUnit((String) codes[i], UnitRole.valueOf((String) roles[i]), (String) paths[i]));
        }
        Object[] ids = array(rs.getArray(32));
        Object[] titles = array(rs.getArray(33));
        Object[] dues = array(rs.getArray(34));
        Object[] completedAt = array(rs.getArray(35));
        Object[] completedBy = array(rs.getArray(36));
        t.milestones = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Milestone m = new Milestone();
            m.id = (Long) ids[i];
            m.task = t;
            m.title = (String) titles[i];
            m.dueDate = date((String) dues[i]);
            m.completedAt = timestamp((Long) completedAt[i]);
            m.completedBy = (String) completedBy[i];
            t.milestones.add(m);
        }
        return t;
    }

    private static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint";
    }

    private static Object[] array(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static OffsetDateTime timestamp(Long micros) {
        return micros == null ? null : OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                ZoneOffset.UTC);
    }
}
