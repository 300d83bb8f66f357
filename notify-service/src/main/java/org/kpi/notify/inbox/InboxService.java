package org.kpi.notify.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.notify.NativeRows;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-app inbox (站内信) of the caller's own org unit — not its subtree: a district's inbox
 * holds what was sent to the district, whoever reads it, admins included. The delivery worker
 * writes the messages; users only read them.
 */
@ApplicationScoped
public class InboxService {

    static final String ENTITY = "inbox-message";

    private static final String COLUMNS = "m.id, m.title, m.body, m.link, m.kind, m.created_at, m.read_at, m.read_by";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Read-only: unread first, then newest first. */
    public PageResult<InboxMessageView> list(Boolean unread, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(ownUnit(params));
        if (unread != null) {
            where.append(unread ? " and m.read_at is null" : " and m.read_at is not null");
        }
        return NativeRows.page(em, COLUMNS, "inbox_message m", where.toString(),
                "(m.read_at is not null), m.created_at desc, m.id desc", params, page, this::view);
    }

    public UnreadCount unreadCount() {
        Map<String, Object> params = new HashMap<>();
        var query = em.createNativeQuery("select count(*) from inbox_message m where " + ownUnit(params)
                + " and m.read_at is null");
        params.forEach(query::setParameter);
        return new UnreadCount(((Number) query.getSingleResult()).longValue());
    }

    /**
     * Marks a message of the caller's unit read by the caller, now. Reading it again changes
     * nothing (the first reader and time stay) and writes no audit entry; another unit's message is
     * a 404.
     */
    @Transactional
    public InboxMessageView read(long id) {
        InboxMessageView before = find(id);
        int changed = em.createNativeQuery("update inbox_message set read_at = ?2, read_by = ?3 "
                        + "where id = ?1 and read_at is null")
                .setParameter(1, id)
                .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter(3, caller.subject())
                .executeUpdate();
        if (changed == 0) {
            return find(id);
        }
        InboxMessageView after = find(id);
        audit.record("read", ENTITY, Long.toString(id), caller.orgCode(), before, after);
        return after;
    }

    private InboxMessageView find(long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        var query = em.createNativeQuery("select " + COLUMNS + " from inbox_message m where m.id = :id and "
                + ownUnit(params));
        params.forEach(query::setParameter);
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("站内信 " + id + " 不存在或无权查看");
        }
        return view((Object[]) rows.get(0));
    }

    /** The caller's unit only; a token without an org unit has no inbox. */
    private String ownUnit(Map<String, Object> params) {
        String unit = caller.orgCode();
        if (unit == null) {
            return "false";
        }
        params.put("unit", unit);
        return "m.org_unit_code = :unit";
    }

    private InboxMessageView view(Object[] row) {
        return new InboxMessageView(NativeRows.longValue(row[0]), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], NativeRows.timestamp(row[5], clock.getZone()),
                NativeRows.timestamp(row[6], clock.getZone()), (String) row[7]);
    }
}
