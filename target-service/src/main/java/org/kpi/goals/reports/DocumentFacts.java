package org.kpi.goals.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgUnit;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the documents are made of for one org unit's subtree, in a handful of statements:
 * its tasks (owned by the unit or a unit below it), the reports filed on them, the supervision
 * orders issued on them, and the names of the units.
 */
@ApplicationScoped
public class DocumentFacts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EntityManager em;

    /** A supervision order (督办单) as the documents list it. */
    record OrderFact(long id, long taskId, String taskTitle, String leadUnitCode, String level, LocalDate issuedOn,
                     LocalDate respondBy, LocalDate respondedOn) {
    }

    /** Every task owned within the subtree of {@code org}, in id order. */
    List<TaskFact> tasks(OrgUnit org) {
        List<TaskFact> tasks = new ArrayList<>();
        for (Object[] r : rows("""
                select t.task_id, t.title, t.org_unit_code, t.lead_unit_code, t.co_unit_codes, t.category, t.target_id,
                       t.status, t.start_date, t.assigned_on, t.due_date, t.closed_on, t.reporting_cadence,
                       cast(t.milestones as text)
                  from assessment_task t join org_unit u on u.code = t.org_unit_code
                 where u.path like ?1 escape '\\' order by t.task_id""", OrgPath.likeSubtree(org.path))) {
            tasks.add(new TaskFact(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    codes(r[4]), (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7],
                    (LocalDate) r[8], (LocalDate) r[9], (LocalDate) r[10], (LocalDate) r[11], (String) r[12],
                    milestones((String) r[13])));
        }
        return tasks;
    }

    /** The last day each unit reported on each task within {@code from}–{@code to}: "taskId|unit" → day. */
    Map<String, LocalDate> lastReports(OrgUnit org, LocalDate from, LocalDate to) {
        Map<String, LocalDate> last = new HashMap<>();
        for (Object[] r : rows("""
                select f.task_id, f.unit_code, max(f.reported_on)
                  from task_report_fact f
                  join assessment_task t on t.task_id = f.task_id
                  join org_unit u on u.code = t.org_unit_code
                 where u.path like ?1 escape '\\' and f.reported_on between ?2 and ?3
                 group by f.task_id, f.unit_code""", OrgPath.likeSubtree(org.path), from, to)) {
            last.put(((Number) r[0]).longValue() + "|" + r[1], (LocalDate) r[2]);
        }
        return last;
    }

    /** The supervision orders issued within {@code from}–{@code to} on tasks of the subtree, oldest first. */
    List<OrderFact> ordersIssued(OrgUnit org, LocalDate from, LocalDate to) {
        List<OrderFact> orders = new ArrayList<>();
        for (Object[] r : rows("""
                select o.order_id, o.task_id, coalesce(o.task_title, t.title), o.lead_unit_code, o.level, o.issued_on,
                       o.respond_by, a.responded_on
                  from assessment_order o
                  join assessment_task t on t.task_id = o.task_id
                  join org_unit u on u.code = t.org_unit_code
                  left join assessment_order_response a on a.order_id = o.order_id
                 where u.path like ?1 escape '\\' and o.issued_on between ?2 and ?3
                 order by o.issued_on, o.order_id""", OrgPath.likeSubtree(org.path), from, to)) {
            orders.add(new OrderFact(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], (String) r[4], (LocalDate) r[5], (LocalDate) r[6], (LocalDate) r[7]));
        }
        return orders;
    }

    /** An approved actual (实绩) of a target. */
    record ActualPoint(String period, int endMonth, java.math.BigDecimal value) {
    }

    /** The approved actuals of {@code targetIds}, by target, in period order. */
    Map<Long, List<ActualPoint>> approvedActuals(List<Long> targetIds) {
        Map<Long, List<ActualPoint>> actuals = new HashMap<>();
        if (targetIds.isEmpty()) {
            return actuals;
        }
        for (Object[] r : rows("""
                select target_id, period, end_month, value from actual
                 where status = 'APPROVED' and target_id = any(?1) order by target_id, end_month""",
                (Object) targetIds.toArray(Long[]::new))) {
            actuals.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new ActualPoint((String) r[1], ((Number) r[2]).intValue(), (java.math.BigDecimal) r[3]));
        }
        return actuals;
    }

    /** Every unit's name: the documents name units, never codes. */
    Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object[] r : rows("select code, name from org_unit order by code")) {
            names.put((String) r[0], (String) r[1]);
        }
        return names;
    }

    /** The departments directly or indirectly under {@code org}, by code. */
    List<String> departments(OrgUnit org) {
        List<String> codes = new ArrayList<>();
        for (Object[] r : rows("select code, name from org_unit where type = 'DEPARTMENT' and path like ?1 escape '\\'"
                + " order by code", OrgPath.likeSubtree(org.path))) {
            codes.add((String) r[0]);
        }
        return codes;
    }

    private static List<String> codes(Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            return Arrays.stream((Object[]) array).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("co-unit codes not readable", e);
        }
    }

    private static List<TaskFact.Milestone> milestones(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<TaskFact.Milestone> milestones = new ArrayList<>();
            for (JsonNode m : MAPPER.readTree(json)) {
                milestones.add(new TaskFact.Milestone(m.path("title").asText(""), date(m.get("dueDate")),
                        m.path("completed").asBoolean(false), date(m.get("completedOn"))));
            }
            return milestones;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("milestones not readable: " + json, e);
        }
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> result = query.getResultList();
        List<Object[]> rows = new ArrayList<>(result.size());
        for (Object row : result) {
            rows.add(row instanceof Object[] array ? array : new Object[]{row});
        }
        return rows;
    }
}
