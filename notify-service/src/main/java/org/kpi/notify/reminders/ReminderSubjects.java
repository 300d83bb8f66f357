package org.kpi.notify.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.notify.NotifyConfig;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads from the projection what may need a reminder today: open tasks, open milestones and
 * unanswered supervision orders due within the ladder's reach, units that owe the period's report, targets that owe the period's
 * actual — each with where it stands on its ladder, and leaving out those whose ladder is done.
 */
@ApplicationScoped
public class ReminderSubjects {

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    /*
     * Each subject's ladder position is looked up per subject (LATERAL … LIMIT 1, which the planner
     * does not flatten into a join): one primary-key probe per due subject, whatever the table
     * statistics say. A plain join, planned while ladder_state looked empty, compared every due
     * task with every state row (50 million comparisons for 10,000 tasks in the benchmark).
     */

    /** Open tasks due on or before {@code horizon} whose ladder is not done for their due date. */
    public List<DueSubject> tasks(LocalDate horizon) {
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select t.id, t.title, t.due_date, t.lead_unit_code, array_to_string(t.co_unit_codes, ','),
                       t.org_unit_code, t.responsible_leader, s.due_date, s.last_offset
                  from task_projection t
                  left join lateral (select * from ladder_state l where l.subject_type = 'TASK' and l.subject_id = t.id
                                       and l.subject_key = '' limit 1) s on true
                 where t.open and t.due_date <= ?1 and t.lead_unit_code is not null
                   and (s.subject_id is null or s.due_date <> t.due_date or not s.done)""", horizon)) {
            long id = ((Number) r[0]).longValue();
            due.add(new DueSubject(SubjectType.TASK, id, "", id, null, (String) r[1], null, null, date(r[2]),
                    (String) r[3], units(r[4]), (String) r[5], (String) r[6], false, date(r[7]), integer(r[8])));
        }
        return due;
    }

    /** Open milestones of open tasks due on or before {@code horizon} whose ladder is not done. */
    public List<DueSubject> milestones(LocalDate horizon) {
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select m.id, m.title, m.due_date, t.lead_unit_code, array_to_string(t.co_unit_codes, ','),
                       t.org_unit_code, t.responsible_leader, s.due_date, s.last_offset, t.id, t.title
                  from milestone_projection m
                  join task_projection t on t.id = m.task_id
                  left join lateral (select * from ladder_state l where l.subject_type = 'MILESTONE'
                                       and l.subject_id = m.id and l.subject_key = '' limit 1) s on true
                 where not m.completed and t.open and m.due_date <= ?1 and t.lead_unit_code is not null
                   and (s.subject_id is null or s.due_date <> m.due_date or not s.done)""", horizon)) {
            due.add(new DueSubject(SubjectType.MILESTONE, ((Number) r[0]).longValue(), "", ((Number) r[9]).longValue(),
                    null, (String) r[1], (String) r[10], null, date(r[2]), (String) r[3], units(r[4]), (String) r[5],
                    (String) r[6], false, date(r[7]), integer(r[8])));
        }
        return due;
    }

    /**
     * Unanswered supervision orders of open tasks whose respond-by date is on or before
     * {@code horizon} and whose ladder is not done: the lead unit is chased to respond.
     */
    public List<DueSubject> orders(LocalDate horizon) {
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select o.id, t.title, o.respond_by, t.lead_unit_code, t.org_unit_code, t.responsible_leader,
                       s.due_date, s.last_offset, t.id
                  from order_projection o
                  join task_projection t on t.id = o.task_id
                  left join lateral (select * from ladder_state l where l.subject_type = 'ORDER'
                                       and l.subject_id = o.id and l.subject_key = '' limit 1) s on true
                 where o.open and t.open and o.respond_by <= ?1 and t.lead_unit_code is not null
                   and (s.subject_id is null or s.due_date <> o.respond_by or not s.done)""", horizon)) {
            due.add(new DueSubject(SubjectType.ORDER, ((Number) r[0]).longValue(), "", ((Number) r[8]).longValue(),
                    null, (String) r[1], (String) r[1], null, date(r[2]), (String) r[3], List.of(), (String) r[4],
                    (String) r[5], false, date(r[6]), integer(r[7])));
        }
        return due;
    }

    /** The lead and co-units of open {@code cadence} tasks that have not reported since the period began. */
    public List<DueSubject> reports(String cadence, DutyPeriods.Period period) {
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select t.id, t.title, u.unit, t.org_unit_code, t.responsible_leader, s.due_date, s.last_offset
                  from task_projection t
                 cross join lateral unnest(array[t.lead_unit_code] || t.co_unit_codes) as u(unit)
                  left join report_projection p on p.task_id = t.id and p.unit_code = u.unit
                  left join lateral (select * from ladder_state l where l.subject_type = 'REPORT' and l.subject_id = t.id
                                       and l.subject_key = u.unit || '|' || ?3 limit 1) s on true
                 where t.open and t.reporting_cadence = ?1 and u.unit is not null
                   and (t.start_date is null or t.start_date <= ?2)
                   and (p.last_reported_on is null or p.last_reported_on < ?4)
                   and (s.subject_id is null or not s.done)""", cadence, period.due(), period.key(), period.start())) {
            long task = ((Number) r[0]).longValue();
            String unit = (String) r[2];
            due.add(new DueSubject(SubjectType.REPORT, task, unit + "|" + period.key(), task, null, (String) r[1],
                    (String) r[1], period.key(), period.due(), unit, List.of(), (String) r[3], (String) r[4], true,
                    date(r[5]), integer(r[6])));
        }
        return due;
    }

    /**
     * The units of open tasks that have not signed for them by the last day of the limit, as of
     * {@code today}: each unit is chased as for a periodic duty, from that day on.
     */
    public List<DueSubject> signFor(LocalDate today) {
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select t.id, t.title, u.unit, t.org_unit_code, t.responsible_leader, t.sign_for_due, s.due_date,
                       s.last_offset
                  from task_projection t
                 cross join lateral unnest(t.unsigned_unit_codes) as u(unit)
                  left join lateral (select * from ladder_state l where l.subject_type = 'SIGN_FOR'
                                       and l.subject_id = t.id and l.subject_key = u.unit limit 1) s on true
                 where t.open and cardinality(t.unsigned_unit_codes) > 0 and t.sign_for_due <= ?1
                   and (s.subject_id is null or s.due_date <> t.sign_for_due or not s.done)""", today)) {
            long task = ((Number) r[0]).longValue();
            String unit = (String) r[2];
            due.add(new DueSubject(SubjectType.SIGN_FOR, task, unit, task, null, (String) r[1], (String) r[1], null,
                    date(r[5]), unit, List.of(), (String) r[3], (String) r[4], true, date(r[6]), integer(r[7])));
        }
        return due;
    }

    /** Targets of {@code years} whose chased period has no submitted or approved actual. */
    public List<DueSubject> actuals(LocalDate today, List<Integer> years) {
        // what is filed and where each ladder stands, read once for all targets of those years
        Set<String> filed = new HashSet<>();
        for (Object[] r : rows("""
                select a.target_id, a.period from actual_projection a
                  join target_projection t on t.id = a.target_id
                 where t.year in (?1, ?2) and a.status in ('SUBMITTED', 'APPROVED')""", years.get(0), years.get(1))) {
            filed.add(r[0] + "|" + r[1]);
        }
        Map<String, Object[]> states = new HashMap<>();
        for (Object[] r : rows("""
                select s.subject_id, s.subject_key, s.due_date, s.last_offset, s.done from ladder_state s
                  join target_projection t on t.id = s.subject_id
                 where s.subject_type = 'ACTUAL' and t.year in (?1, ?2)""", years.get(0), years.get(1))) {
            states.put(r[0] + "|" + r[1], new Object[] {r[2], r[3], r[4]});
        }
        List<DueSubject> due = new ArrayList<>();
        for (Object[] r : rows("""
                select t.id, t.indicator_name, t.frequency, t.actuals_due_day, t.year, t.responsible_unit_code,
                       t.org_unit_code
                  from target_projection t
                 where t.year in (?1, ?2) and t.responsible_unit_code is not null""", years.get(0), years.get(1))) {
            long target = ((Number) r[0]).longValue();
            Optional<DutyPeriods.Period> period = DutyPeriods.actual(today, (String) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue());
            if (period.isEmpty()) {
                continue;
            }
            DutyPeriods.Period p = period.get();
            Object[] state = states.get(target + "|" + p.key());
            if (state != null && Boolean.TRUE.equals(state[2]) || filed.contains(target + "|" + p.key())) {
                continue;
            }
            due.add(new DueSubject(SubjectType.ACTUAL, target, p.key(), null, target, (String) r[1], null, p.key(),
                    p.due(), (String) r[5], List.of(), (String) r[6], null, true,
                    state == null ? null : date(state[0]), state == null ? null : integer(state[1])));
        }
        return due;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static List<String> units(Object joined) {
        String text = (String) joined;
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
