package org.kpi.goals.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Appeals (申诉) of published lines: the department a line belongs to appeals it; a supervisor of
 * the unit accepts — the line is superseded by a corrected one (both kept), which changes the
 * published total — or rejects with a reason. One appeal may be open per line.
 */
@ApplicationScoped
public class Appeals {

    public static final String FILED = "appeal.filed";
    public static final String DECIDED = "appeal.decided";
    static final String ENTITY = "assessment-appeal";
    private static final int MAX_ATTACHMENT = 5 * 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    OrgTree tree;

    @Inject
    Rulebooks rulebooks;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A published line: its unit, card and what it says. */
    private record Line(long id, String orgUnitCode, int year, String period, String unitCode, String component,
                        String rule, String factType, String factId, String factTitle, BigDecimal points, int revision,
                        String status) {
    }

    @Transactional
    public AppealView file(long lineId, AppealCreate request) {
        // the line locked first: an appeal filed while another is being accepted sees the line as that left it
        lockLine(lineId);
        Line line = readableLine(lineId, true);
        if (!caller.isDepartment() || !Objects.equals(caller.orgCode(), line.unitCode())) {
            throw ProblemException.forbidden("只有被考核部门可以对本部门的得分明细申诉");
        }
        if (!"ACTIVE".equals(line.status())) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION, "明细 " + lineId + " 已被更正，请对更正后的明细申诉");
        }
        byte[] attachment = null;
        if (request.attachmentBase64() != null && !request.attachmentBase64().isBlank()) {
            try {
                attachment = Base64.getDecoder().decode(request.attachmentBase64().trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("attachmentBase64", "附件不是有效的 Base64");
            }
            if (attachment.length > MAX_ATTACHMENT) {
                throw ProblemException.invalid("attachmentBase64", "附件最大 5 MiB");
            }
            if (request.attachmentName() == null || request.attachmentName().isBlank()) {
                throw ProblemException.invalid("attachmentName", "请给出附件文件名");
            }
        }
        if (((Number) em.createNativeQuery("select count(*) from assessment_appeal where line_id = ?1 and status = 'PENDING'")
                .setParameter(1, lineId).getSingleResult()).longValue() > 0) {
            throw ProblemException.conflict("此明细已有待审核的申诉");
        }
        Number id = (Number) em.createNativeQuery("""
                        insert into assessment_appeal (line_id, unit_code, reason, attachment_name, attachment, status,
                                                       filed_by, filed_at)
                        values (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?7) returning id""")
                .setParameter(1, lineId)
                .setParameter(2, line.unitCode())
                .setParameter(3, request.reason().trim())
                .setParameter(4, attachment == null ? null : request.attachmentName().trim())
                .setParameter(5, attachment)
                .setParameter(6, caller.subject())
                .setParameter(7, OffsetDateTime.now(clock))
                .getSingleResult();
        AppealView view = find(id.longValue());
        outbox.publish(FILED, Long.toString(view.id()), view);
        audit.record("file", ENTITY, Long.toString(view.id()), line.orgUnitCode(), null, view);
        return view;
    }

    /** Accepts: the line is superseded by one with the corrected points. */
    @Transactional
    public AppealView accept(long appealId, AppealDecision decision) {
        if (decision.points() == null) {
            throw ProblemException.invalid("points", "采纳申诉须给出更正后的分值");
        }
        AppealView appeal = decidable(appealId);
        lockLine(Long.parseLong(appeal.lineId()));
        Line line = readableLine(Long.parseLong(appeal.lineId()), false);
        if (!"ACTIVE".equals(line.status())) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION, "明细 " + line.id() + " 已被更正，不能再次更正");
        }
        Number corrected = (Number) em.createNativeQuery("""
                        insert into assessment_line (org_unit_code, year, period, unit_code, component, rule, fact_type,
                                                     fact_id, fact_title, points, revision, status, supersedes)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'ACTIVE', ?12) returning id""")
                .setParameter(1, line.orgUnitCode()).setParameter(2, line.year()).setParameter(3, line.period())
                .setParameter(4, line.unitCode()).setParameter(5, line.component())
                .setParameter(6, cut(line.rule() + "（申诉更正：" + decision.reason().trim() + "）", 500))
                .setParameter(7, line.factType()).setParameter(8, line.factId()).setParameter(9, line.factTitle())
                .setParameter(10, decision.points().setScale(2, RoundingMode.HALF_UP))
                .setParameter(11, line.revision() + 1).setParameter(12, line.id())
                .getSingleResult();
        em.createNativeQuery("update assessment_line set status = 'SUPERSEDED' where id = ?1").setParameter(1, line.id())
                .executeUpdate();
        return decided(appeal, "ACCEPTED", decision, corrected.longValue());
    }

    @Transactional
    public AppealView reject(long appealId, AppealDecision decision) {
        return decided(decidable(appealId), "REJECTED", decision, null);
    }

    @Transactional
    public AppealView get(long appealId) {
        AppealView appeal = find(appealId);
        if (appeal == null) {
            throw ProblemException.notFound("申诉 " + appealId + " 不存在或无权查看");
        }
        readableLine(Long.parseLong(appeal.lineId()), true);
        return appeal;
    }

    /** The appeals of a unit's year the caller may read: all for its supervisors and leaders, its own for a department. */
    @Transactional
    public List<AppealView> list(String orgUnitCode, int year) {
        Rulebooks.requireYear(year);
        OrgUnit org = rulebooks.readableUnit(orgUnitCode);
        boolean all = caller.isAdmin() || scope.covers(org.code);
        // one statement for the whole list
        return all ? appeals("l.org_unit_code = ?1 and l.year = ?2", org.code, year, null)
                : appeals("l.org_unit_code = ?1 and l.year = ?2 and a.unit_code = ?3", org.code, year, caller.orgCode());
    }

    /** The appeal's attachment: its name and bytes, for those who may read the appeal. */
    @Transactional
    public Attachment attachment(long appealId) {
        AppealView appeal = get(appealId);
        if (appeal.attachmentName() == null) {
            throw ProblemException.notFound("申诉 " + appealId + " 没有附件");
        }
        byte[] content = (byte[]) em.createNativeQuery("select attachment from assessment_appeal where id = ?1")
                .setParameter(1, appealId).getSingleResult();
        return new Attachment(appeal.attachmentName(), content);
    }

    /** An attachment's name and content. */
    public record Attachment(String name, byte[] content) {
    }

    private AppealView decidable(long appealId) {
        em.createNativeQuery("select id from assessment_appeal where id = ?1 for update").setParameter(1, appealId)
                .getResultList();
        AppealView appeal = get(appealId);
        Line line = readableLine(Long.parseLong(appeal.lineId()), false);
        if (!(caller.isAdmin() || caller.isSupervisor() && scope.covers(line.orgUnitCode()))) {
            throw ProblemException.forbidden("只有本辖区的督查人员可以审核申诉");
        }
        if (!"PENDING".equals(appeal.status())) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION, "申诉 " + appealId + " 已审核（" + appeal.status() + "）");
        }
        return appeal;
    }

    private AppealView decided(AppealView appeal, String status, AppealDecision decision, Long correctedLine) {
        em.createNativeQuery("""
                        update assessment_appeal set status = ?1, corrected_points = ?2, corrected_line_id = ?3,
                               decision_reason = ?4, decided_by = ?5, decided_at = ?6 where id = ?7""")
                .setParameter(1, status)
                .setParameter(2, correctedLine == null ? null : decision.points().setScale(2, RoundingMode.HALF_UP))
                .setParameter(3, correctedLine)
                .setParameter(4, decision.reason().trim())
                .setParameter(5, caller.subject())
                .setParameter(6, OffsetDateTime.now(clock))
                .setParameter(7, appeal.id())
                .executeUpdate();
        AppealView after = find(appeal.id());
        outbox.publish(DECIDED, Long.toString(after.id()), after);
        audit.record(status.equals("ACCEPTED") ? "accept" : "reject", ENTITY, Long.toString(after.id()),
                after.orgUnitCode(), appeal, after);
        return after;
    }

    /**
     * The line, if the caller may see it: supervisors, leaders and admins of its unit see every line;
     * a department its own ({@code departmentsOwn}) — anyone else gets a 404.
     */
    private Line readableLine(long lineId, boolean departmentsOwn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, org_unit_code, year, period, unit_code, component, rule, fact_type, fact_id, fact_title,
                               points, revision, status from assessment_line where id = ?1""")
                .setParameter(1, lineId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("明细 " + lineId + " 不存在或无权查看");
        }
        Object[] r = rows.get(0);
        Line line = new Line(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (BigDecimal) r[10], ((Number) r[11]).intValue(), (String) r[12]);
        boolean sees = caller.isAdmin() || scope.covers(line.orgUnitCode())
                || departmentsOwn && Objects.equals(caller.orgCode(), line.unitCode());
        if (!sees) {
            throw ProblemException.notFound("明细 " + lineId + " 不存在或无权查看");
        }
        return line;
    }

    private void lockLine(long lineId) {
        em.createNativeQuery("select id from assessment_line where id = ?1 for update").setParameter(1, lineId)
                .getResultList();
    }

    private AppealView find(long appealId) {
        return appeals("a.id = ?1", appealId, null, null).stream().findFirst().orElse(null);
    }

    /** The appeals matching {@code where} (over {@code assessment_appeal a} and its line {@code l}), oldest first. */
    private List<AppealView> appeals(String where, Object first, Object second, Object third) {
        var query = em.createNativeQuery("""
                        select a.id, a.line_id, l.org_unit_code, l.year, l.period, a.unit_code, l.rule, l.points, a.reason,
                               a.attachment_name, a.status, a.filed_by, a.filed_at, a.corrected_points,
                               a.corrected_line_id, a.decision_reason, a.decided_by, a.decided_at
                          from assessment_appeal a join assessment_line l on l.id = a.line_id""" + " where " + where
                        + " order by a.filed_at, a.id").setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        if (third != null) {
            query.setParameter(3, third);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new AppealView(((Number) r[0]).longValue(), Long.toString(((Number) r[1]).longValue()),
                (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (String) r[6], (BigDecimal) r[7],
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], time(r[12]), (BigDecimal) r[13],
                r[14] == null ? null : Long.toString(((Number) r[14]).longValue()), (String) r[15], (String) r[16],
                time(r[17]))).toList();
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
