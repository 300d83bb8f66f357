package org.kpi.notify.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.notify.NativeRows;
import org.kpi.notify.contacts.ChannelType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery log a supervisor reads (投递记录), and the one thing they may do to it: send a
 * failed or waiting delivery again now. Sending itself is the delivery worker's.
 */
@ApplicationScoped
public class DeliveryService {

    static final String ENTITY = "delivery";

    private static final String COLUMNS = "d.id, d.reminder_id, d.status, d.channel, d.org_unit_code, d.title, "
            + "d.attempts, d.last_error, d.next_attempt_at, d.sent_at, d.created_at, d.version";

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Read-only, newest first: the deliveries to units of the caller's subtree. */
    public PageResult<DeliveryView> list(DeliveryListParams filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.units("visible", "d.org_unit_code").addTo(params));
        where.append(" and ").append(NativeRows.unitSubtree(tree, filter.orgUnit, "d.org_unit_code").addTo(params));
        if (filter.status != null) {
            where.append(" and d.status = :status");
            params.put("status", filter.status.name());
        }
        if (filter.channel != null) {
            where.append(" and d.channel = :channel");
            params.put("channel", filter.channel.name());
        }
        return NativeRows.page(em, COLUMNS, "delivery d", where.toString(), "d.created_at desc, d.id desc", params,
                page, this::view);
    }

    /**
     * Sends a {@code DEAD} or {@code RETRYING} delivery again as soon as the worker next looks:
     * due now, unleased, its attempts kept (an exhausted delivery gets one more attempt and is dead
     * again if that fails), and its reminder, if it had failed everywhere, pending again. A caller
     * who cannot see the delivery gets 404; a leader or department who can, 403. {@code ifMatch},
     * when given, must be the delivery's current version.
     */
    @Transactional
    public DeliveryView retry(long id, String ifMatch) {
        String unit = unitOf(id);
        scope.requireVisible(unit, "投递 " + id);
        if (!caller.isAdmin() && !caller.isSupervisor()) {
            throw ProblemException.forbidden("只有督查人员和管理员可以立即重试投递");
        }
        DeliveryView before = find(id, true);
        ETags.requireVersionIfGiven(ifMatch, null, before.version());
        if (!before.status().retryable()) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION,
                    "只有发送失败或等待重试的投递可以立即重试（当前状态：" + before.status() + "）");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        em.createNativeQuery("""
                        update delivery
                           set status = 'RETRYING', next_attempt_at = ?2, lease_until = null, updated_at = ?2,
                               version = version + 1
                         where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate();
        em.createNativeQuery("update reminder set status = 'PENDING', updated_at = ?2 where id = ?1 and status = 'FAILED'")
                .setParameter(1, before.reminderId())
                .setParameter(2, now)
                .executeUpdate();
        DeliveryView after = find(id, false);
        audit.record("retry", ENTITY, Long.toString(id), unit, before, after);
        return after;
    }

    private String unitOf(long id) {
        List<?> rows = em.createNativeQuery("select org_unit_code from delivery where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("投递 " + id + " 不存在或无权查看");
        }
        return (String) rows.get(0);
    }

    private DeliveryView find(long id, boolean lock) {
        Object[] row = (Object[]) em.createNativeQuery("select " + COLUMNS + " from delivery d where d.id = ?1"
                        + (lock ? " for update" : ""))
                .setParameter(1, id).getSingleResult();
        return view(row);
    }

    private DeliveryView view(Object[] row) {
        return new DeliveryView(NativeRows.longValue(row[0]), NativeRows.longValue(row[1]),
                DeliveryStatus.valueOf((String) row[2]), ChannelType.valueOf((String) row[3]), (String) row[4],
                (String) row[5], NativeRows.intValue(row[6]), (String) row[7],
                NativeRows.timestamp(row[8], clock.getZone()), NativeRows.timestamp(row[9], clock.getZone()),
                NativeRows.timestamp(row[10], clock.getZone()), NativeRows.longValue(row[11]));
    }
}
