package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.sql.NamedSql;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads tasks for display as plain rows, without a transaction or managed entities: one task with
 * its units and milestones in one statement (the collections aggregated beside its columns), a
 * page of tasks in four. The detached {@link Task} objects it returns are for reading
 * only; a write loads the task through the entity manager under a lock. The exception is the
 * most frequent write, a progress report: it locks the task here ({@link #findLocked}) and
 * writes what a report changes in one statement ({@link #saveProgress}).
 */
@ApplicationScoped
public class TaskRows {

    // dates as text and timestamps as epoch microseconds: read the same whatever the session's time zone
    private static final String TASK_COLUMNS = "t.id, t.title, t.description, t.category, t.source, t.org_unit_code,"
            + " t.org_path, t.lead_unit_code, t.responsible_leader, t.start_date::text, t.due_date::text,"
            + " t.reporting_cadence, t.quantity_value, t.quantity_unit, t.target_id, t.status,"
            + " t.next_due_date::text, t.response_due_date::text, t.percent_done, t.quantity_reached,"
            + " t.closure_summary, t.last_reason, " + micros("t.closure_requested_at") + ", " + micros("t.closed_at")
            + ", t.created_by, t.version, " + micros("t.created_at") + ", " + micros("t.updated_at")
            + ", t.source_text, t.quantity_qualifier, " + micros("t.assigned_at") + ", t.sign_for_due::text,"
            + " t.instruction_id, t.rating, t.rating_comment";
    private static final int TASK_COLUMN_COUNT = 35;
    private static final String UNIT_COLUMNS = "x.unit_code, x.role, x.unit_path";
    private static final String MILESTONE_COLUMNS = "y.id, y.title, y.due_date::text, " + micros("y.completed_at")
            + ", y.completed_by";

    /**
     * One task with its collections aggregated beside it. Planned once and reused: a key given as a
     * plain parameter lets PostgreSQL keep a generic plan (an array parameter makes it plan the
     * lateral joins anew on every call).
     */
    private static final String ONE_WITH_COLLECTIONS = "select " + TASK_COLUMNS + ", u.codes, u.roles, u.paths,"
            + " m.ids, m.titles, m.dues, m.completed_at, m.completed_by, s.codes, s.times, s.signers, s.implicits from task t"
            + " left join lateral (select array_agg(x.unit_code) codes, array_agg(x.role) roles,"
            + " array_agg(x.unit_path) paths from task_unit x where x.task_id = t.id) u on true"
            + " left join lateral (select array_agg(y.id order by y.position) ids,"
            + " array_agg(y.title order by y.position) titles, array_agg(y.due_date::text order by y.position) dues,"
            + " array_agg(" + micros("y.completed_at") + " order by y.position) completed_at,"
            + " array_agg(y.completed_by order by y.position) completed_by"
            + " from task_milestone y where y.task_id = t.id) m on true"
            + " left join lateral (select array_agg(z.unit_code) codes, array_agg(" + micros("z.signed_at") + ") times,"
            + " array_agg(z.signed_by) signers, array_agg(z.implicit) implicits"
            + " from task_signature z where z.task_id = t.id) s on true";
    private static final String ONE = ONE_WITH_COLLECTIONS + " where t.id = ?";
    private static final String SAVE_PROGRESS = "update task set status = ?, percent_done = ?, quantity_reached = ?,"
            + " updated_at = ?, version = version + 1 where id = ? and version = ? returning version";

    /** A page of tasks, then their units, milestones and signatures: four plain statements, each cheap to plan. */
    private static final String MANY = "select " + TASK_COLUMNS + " from task t where t.id = any(?)";
    private static final String UNITS_OF = "select x.task_id, " + UNIT_COLUMNS
            + " from task_unit x where x.task_id = any(?)";
    private static final String SIGNATURES_OF = "select z.task_id, z.unit_code, " + micros("z.signed_at")
            + ", z.signed_by, z.implicit from task_signature z where z.task_id = any(?) order by z.signed_at";
    private static final String MILESTONES_OF = "select y.task_id, " + MILESTONE_COLUMNS
            + " from task_milestone y where y.task_id = any(?) order by y.task_id, y.position";

    @Inject
    DataSource dataSource;

    /** The task with {@code id}, if there is one. */
    public Task find(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setLong(1, id);
            return withCollections(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Task " + id + " cannot be read", e);
        }
    }

    /**
     * The task with {@code id} if {@code visible} lets the caller see it, its row locked until the
     * transaction ends ({@code for no key update}): one statement for a write that then changes the
     * row in SQL. A row the caller may not see is neither returned nor locked.
     */
    public Task findLocked(long id, ScopePredicate visible) {
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        parameters.put("id", id);
        String sql = ONE_WITH_COLLECTIONS + " where t.id = :id and " + visible.sql() + " for no key update of t";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = NamedSql.prepare(connection, sql, parameters)) {
            return withCollections(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Task " + id + " cannot be locked", e);
        }
    }

    /**
     * Writes what a progress report changes — status, percentage, quantity reached and time — to
     * the task read by {@link #findLocked} in this transaction, and returns its new version.
     */
    public long saveProgress(Task task) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE_PROGRESS)) {
            statement.setString(1, task.status.name());
            statement.setObject(2, task.percentDone, Types.INTEGER);
            statement.setBigDecimal(3, task.quantityReached);
            statement.setObject(4, task.updatedAt);
            statement.setLong(5, task.id);
            statement.setLong(6, task.version);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Task " + task.id + " changed although it was locked");
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Task " + task.id + " cannot be saved", e);
        }
    }

    /** The one task {@code statement} selects with its collections aggregated beside it, or null. */
    private static Task withCollections(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Task t = task(rs);
            Object[] codes = array(rs.getArray(TASK_COLUMN_COUNT + 1));
            Object[] roles = array(rs.getArray(TASK_COLUMN_COUNT + 2));
            Object[] paths = array(rs.getArray(TASK_COLUMN_COUNT + 3));
            for (int i = 0; i < codes.length; i++) {
                t.units.add(new TaskUnit((String) codes[i], UnitRole.valueOf((String) roles[i]), (String) paths[i]));
            }
            Object[] ids = array(rs.getArray(TASK_COLUMN_COUNT + 4));
            Object[] titles = array(rs.getArray(TASK_COLUMN_COUNT + 5));
            Object[] dues = array(rs.getArray(TASK_COLUMN_COUNT + 6));
            Object[] completedAt = array(rs.getArray(TASK_COLUMN_COUNT + 7));
            Object[] completedBy = array(rs.getArray(TASK_COLUMN_COUNT + 8));
            for (int i = 0; i < ids.length; i++) {
                t.milestones.add(milestone(t, (Long) ids[i], (String) titles[i], (String) dues[i],
                        (Long) completedAt[i], (String) completedBy[i]));
            }
            Object[] signers = array(rs.getArray(TASK_COLUMN_COUNT + 9));
            Object[] signedAt = array(rs.getArray(TASK_COLUMN_COUNT + 10));
            Object[] signedBy = array(rs.getArray(TASK_COLUMN_COUNT + 11));
            Object[] implicit = array(rs.getArray(TASK_COLUMN_COUNT + 12));
            for (int i = 0; i < signers.length; i++) {
                t.signatures.add(new Signature((String) signers[i], timestamp((Long) signedAt[i]), (String) signedBy[i],
                        (Boolean) implicit[i]));
            }
            return t;
        }
    }

    /** The tasks of {@code ids} that exist, in that order. */
    public List<Task> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Array keys = connection.createArrayOf("bigint", ids.toArray());
            Map<Long, Task> byId = new HashMap<>(ids.size() * 2);
            try (PreparedStatement statement = connection.prepareStatement(MANY)) {
                statement.setArray(1, keys);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Task t = task(rs);
                        byId.put(t.id, t);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(UNITS_OF)) {
                statement.setArray(1, keys);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).units.add(new TaskUnit(rs.getString(2),
                                UnitRole.valueOf(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(MILESTONES_OF)) {
                statement.setArray(1, keys);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Task t = byId.get(rs.getLong(1));
                        t.milestones.add(milestone(t, rs.getLong(2), rs.getString(3), rs.getString(4),
                                (Long) rs.getObject(5), rs.getString(6)));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(SIGNATURES_OF)) {
                statement.setArray(1, keys);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).signatures.add(new Signature(rs.getString(2),
                                timestamp((Long) rs.getObject(3)), rs.getString(4), rs.getBoolean(5)));
                    }
                }
            }
            List<Task> tasks = new ArrayList<>(byId.size());
            for (Long id : ids) {
                Task t = byId.get(id);
                if (t != null) {
                    tasks.add(t);
                }
            }
            return tasks;
        } catch (SQLException e) {
            throw new IllegalStateException("Tasks cannot be read", e);
        }
    }

    /** The task's own columns, the first {@value #TASK_COLUMN_COUNT} of the row; its collections empty. */
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
        t.sourceText = rs.getString(29);
        t.quantityQualifier = rs.getString(30);
        t.assignedAt = timestamp((Long) rs.getObject(31));
        t.signForDue = date(rs.getString(32));
        t.instructionId = (Long) rs.getObject(33);
        t.rating = rs.getString(34) == null ? null : Rating.valueOf(rs.getString(34));
        t.ratingComment = rs.getString(35);
        t.units = new HashSet<>();
        t.signatures = new ArrayList<>();
        t.milestones = new ArrayList<>();
        return t;
    }

    private static Milestone milestone(Task task, Long id, String title, String due, Long completedAt,
                                       String completedBy) {
        Milestone m = new Milestone();
        m.id = id;
        m.task = task;
        m.title = title;
        m.dueDate = date(due);
        m.completedAt = timestamp(completedAt);
        m.completedBy = completedBy;
        return m;
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
