package org.kpi.task.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgNode;
import org.kpi.common.org.OrgUnitType;
import org.kpi.common.security.Caller;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.sql.NamedSql;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The task list: the caller's visible tasks (see {@link TaskAccess}) narrowed by a
 * {@link TaskFilter}, in SQL so that paging and counts stay fast on large tables. Colour and
 * overdue are the {@link TaskColourRule} written as predicates on {@code next_due_date} against
 * today's date passed as a parameter.
 */
@ApplicationScoped
public class TaskSearch {

    /** {@link TaskStatus#AWAITING_RESPONSE} as an SQL list. */
    static final String AWAITING_RESPONSE_SQL = TaskStatus.AWAITING_RESPONSE.stream()
            .map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private static final String RUNNING = "t.status in ('ASSIGNED', 'IN_PROGRESS')";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TaskAccess access;

    @Inject
    OrgTree tree;

    @Inject
    TaskService tasks;

    @Inject
    TaskRows rows;

    @Inject
    DataSource dataSource;

    /**
     * Read-only: runs without a transaction, so nothing is flushed or committed afterwards, and in
     * plain JDBC (the statement is built anew for each filter; Hibernate would parse it every time).
     */
    public PageResult<TaskView> list(TaskFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String sortColumn = sortColumn(filter);
        // one scan for the page and the total: the filtered rows are materialised once, counted, and
        // only their sort keys are sorted
        String sql = "with f as materialized (select t.id, " + sortColumn + " as sort_key from task t where "
                + where(filter, params) + ") select f.id, (select count(*) from f) from f order by f.sort_key"
                + direction(filter) + ", f.id" + direction(filter) + " offset :pageOffset limit :pageSize";
        params.put("pageOffset", page.offset());
        params.put("pageSize", page.size());
        List<Long> ids = new ArrayList<>();
        long total = -1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = NamedSql.prepare(connection, sql, params);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                total = rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Task list cannot be read", e);
        }
        if (total < 0) {
            total = page.offset() == 0 ? 0 : count(filter);
        }
        TaskColourRule rule = tasks.colourRule();
        LocalDate today = tasks.today();
        List<TaskView> items = rows.load(ids).stream().map(t -> TaskView.of(t, rule, today)).toList();
        return PageResult.of(items, page, total);
    }

    /** The tasks of one page, in the filter's order, detached (for reading). */
    @Transactional
    public List<Task> find(TaskFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("select t.id from task t where " + where(filter, params)
                        + orderBy(filter))
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        return rows.load(((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList());
    }

    private static String orderBy(TaskFilter filter) {
        return " order by " + sortColumn(filter) + direction(filter) + ", t.id" + direction(filter);
    }

    private static String sortColumn(TaskFilter filter) {
        String sort = filter.sort();
        return TaskFilter.SORTS.get(sort.startsWith("-") ? sort.substring(1) : sort);
    }

    private static String direction(TaskFilter filter) {
        return filter.sort().startsWith("-") ? " desc" : " asc";
    }

    @Transactional
    public long count(TaskFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from task t where " + where(filter, params));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** A unit of the task has not signed for it. */
    private static final String UNSIGNED = "exists (select 1 from task_unit su where su.task_id = t.id and not exists"
            + " (select 1 from task_signature ss where ss.task_id = t.id and ss.unit_code = su.unit_code))";
    /** The caller's unit takes part in the task and has not signed for it. */
    private static final String UNSIGNED_BY_ME = "exists (select 1 from task_unit su where su.task_id = t.id"
            + " and su.unit_code = :signer and not exists (select 1 from task_signature ss where ss.task_id = t.id"
            + " and ss.unit_code = :signer))";

    private String where(TaskFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(access.visibleTasks().addTo(params));
        LocalDate today = tasks.today();
        TaskColourRule rule = tasks.colourRule();
        String anchorCode = filter.orgUnit();
        if (anchorCode != null || (filter.involvement() != null && filter.involvement() != Involvement.ANY)) {
            unitFilter(filter, anchorCode != null ? anchorCode : caller.orgCode(), anchorCode != null, where, params);
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and t.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.overdue() != null) {
            params.put("today", today);
            where.append(filter.overdue()
                    ? " and " + RUNNING + " and t.next_due_date < :today"
                    : " and not (" + RUNNING + " and t.next_due_date < :today)");
        }
        if (filter.colour() != null) {
            LocalDate redBefore = today.minusDays(rule.redAfterDays());
            LocalDate yellowUntil = today.plusDays(rule.dueSoonDays());
            switch (filter.colour()) {
                case RED -> {
                    where.append(" and " + RUNNING + " and t.next_due_date < :redBefore");
                    params.put("redBefore", redBefore);
                }
                case YELLOW -> {
                    where.append(" and " + RUNNING
                            + " and t.next_due_date >= :redBefore and t.next_due_date <= :yellowUntil");
                    params.put("redBefore", redBefore);
                    params.put("yellowUntil", yellowUntil);
                }
                case BLUE -> {
                    where.append(" and not (" + RUNNING + " and t.next_due_date <= :yellowUntil)");
                    params.put("yellowUntil", yellowUntil);
                }
                default -> throw new IllegalStateException("unknown colour " + filter.colour());
            }
        }
        if (filter.dueBefore() != null) {
            where.append(" and t.due_date <= :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.category() != null) {
            where.append(" and t.category = :category");
            params.put("category", filter.category());
        }
        if (filter.q() != null) {
            where.append(" and t.title ilike :q escape '\\'");
            params.put("q", "%" + OrgPath.likeSubtree(filter.q()).replaceAll("%$", "") + "%");
        }
        if (filter.responseOverdue() != null) {
            params.put("responseToday", today);
            where.append(filter.responseOverdue()
                    ? " and t.response_due_date < :responseToday" + " and t.status in " + AWAITING_RESPONSE_SQL
                    : " and (t.response_due_date is null or t.response_due_date >= :responseToday"
                    + " or t.status not in " + AWAITING_RESPONSE_SQL + ")");
        }
        if (filter.awaitingSignature() != null) {
            boolean ownUnit = caller.isDepartment() && !caller.isSupervisor() && !caller.isAdmin();
            String unsigned = ownUnit ? UNSIGNED_BY_ME : UNSIGNED;
            if (ownUnit) {
                params.put("signer", caller.orgCode());
            }
            where.append(filter.awaitingSignature()
                    ? " and " + RUNNING + " and " + unsigned
                    : " and not (" + RUNNING + " and " + unsigned + ")");
        }
        if (filter.signForOverdue() != null) {
            params.put("signToday", today);
            // a task handed out before sign-for existed has no limit and is never late
            String late = RUNNING + " and t.sign_for_due is not null and t.sign_for_due < :signToday and " + UNSIGNED;
            where.append(filter.signForOverdue() ? " and " + late : " and not (" + late + ")");
        }
        if (filter.instructionId() != null) {
            where.append(" and t.instruction_id = :instructionId");
            params.put("instructionId", filter.instructionId());
        }
        return where.toString();
    }

    private void unitFilter(TaskFilter filter, String code, boolean explicit, StringBuilder where,
                            Map<String, Object> params) {
        OrgNode unit = tree.node(code).orElse(null);
        if (unit == null) {
            where.append(" and false");
            return;
        }
        Involvement involvement = filter.involvement() == null ? Involvement.ANY : filter.involvement();
        String role = involvement == Involvement.ANY ? "" : " and u.role = :role";
        if (involvement != Involvement.ANY) {
            params.put("role", involvement.name());
        }
        String units;
        if (unit.type() == OrgUnitType.DEPARTMENT) {
            units = "t.id in (select u.task_id from task_unit u where u.unit_code = :unit" + role + ")";
            params.put("unit", unit.code());
        } else {
            units = "t.id in (select u.task_id from task_unit u where "
                    + ScopePredicate.pathWithin("u.unit_path", unit.path(), "unitPath").addTo(params) + role + ")";
        }
        if (involvement == Involvement.ANY && explicit) {
            where.append(" and (").append(ScopePredicate.pathWithin("t.org_path", unit.path(), "unitPath2").addTo(params))
                    .append(" or ")
                    .append(units).append(')');
        } else {
            where.append(" and ").append(units);
        }
    }
}
