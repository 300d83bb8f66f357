package org.kpi.notify.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgTree;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.notify.NativeRows;
import org.kpi.notify.policies.NotifyParty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Reminders as their recipients and supervisors read them: every role sees the reminders sent to
 * units of its own subtree (a department its own, a district supervisor its district and its
 * departments, an admin all); and the sweep run on request.
 */
@ApplicationScoped
public class ReminderService {

    static final String SWEEP_ENTITY = "reminder-sweep";

    private static final String COLUMNS = "r.id, r.subject_type, r.subject_id, r.subject_key, r.title, "
            + "r.org_unit_code, r.party, r.kind, r.offset_days, r.due_date, r.status, r.created_at";

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    Caller caller;

    @Inject
    ReminderSweep sweep;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Read-only, newest first; {@code orgUnit} narrows to that unit's subtree within the caller's. */
    public PageResult<ReminderView> list(ReminderListParams filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.units("visible", "r.org_unit_code").addTo(params));
        where.append(" and ").append(NativeRows.unitSubtree(tree, filter.orgUnit, "r.org_unit_code").addTo(params));
        if (filter.status != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status.name());
        }
        if (filter.subjectType != null) {
            where.append(" and r.subject_type = :subjectType");
            params.put("subjectType", filter.subjectType.name());
        }
        return NativeRows.page(em, COLUMNS, "reminder r", where.toString(), "r.created_at desc, r.id desc", params,
                page, this::view);
    }

    /**
     * Runs one sweep now (what the schedule does every minute) and records who asked for it. The
     * sweep commits its own work chunk by chunk; the audit entry follows in its own transaction.
     */
    public SweepView sweep() {
        SweepView result = SweepView.of(sweep.sweep());
        String day = LocalDate.now(clock).toString();
        QuarkusTransaction.requiringNew().run(() ->
                audit.record("sweep", SWEEP_ENTITY, day, caller.orgCode(), null, result));
        return result;
    }

    private ReminderView view(Object[] row) {
        return new ReminderView(NativeRows.longValue(row[0]), SubjectType.valueOf((String) row[1]),
                NativeRows.longValue(row[2]), (String) row[3], (String) row[4], (String) row[5],
                NotifyParty.valueOf((String) row[6]), ReminderKind.valueOf((String) row[7]), NativeRows.intValue(row[8]),
                NativeRows.date(row[9]), ReminderStatus.valueOf((String) row[10]),
                NativeRows.timestamp(row[11], clock.getZone()));
    }
}
