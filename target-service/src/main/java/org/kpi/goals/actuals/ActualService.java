package org.kpi.goals.actuals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.security.ScopePredicate;
import org.kpi.common.web.ETags;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.goals.indicators.Indicator;
import org.kpi.goals.indicators.IndicatorKind;
import org.kpi.goals.indicators.IndicatorService;
import org.kpi.goals.indicators.ValueRules;
import org.kpi.goals.progress.Period;
import org.kpi.goals.progress.ProgressService;
import org.kpi.goals.targets.Target;
import org.kpi.goals.targets.TargetAccess;
import org.kpi.goals.targets.TargetService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reporting and reviewing actuals: the responsible department submits, a supervisor approves or
 * returns; an approved period is locked and can only be restated — as a new revision, the old
 * one kept — by a supervisor with a reason.
 */
@ApplicationScoped
public class ActualService {

    private static final Logger LOG = Logger.getLogger(ActualService.class);

    public static final String SUBMITTED = "actual.submitted";
    public static final String APPROVED = "actual.approved";
    public static final String RETURNED = "actual.returned";
    static final String ENTITY = "actual";

    @Inject
    EntityManager em;

    @Inject
    TargetService targets;

    @Inject
    TargetAccess access;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Transactional
    public ActualView submit(long targetId, ActualRequest request) {
        Target target = targets.require(targetId);
        boolean restatement = request.restatementReason() != null && !request.restatementReason().isBlank();
        if (restatement) {
            access.requireManage(target);
        } else {
            access.requireResponsible(target);
        }
        Indicator indicator = indicators.require(target.indicatorCode);
        Period period = validPeriod(request.period(), target, indicator);
        ValueRules.problemWith(indicator, request.value()).ifPresent(m -> {
            throw ProblemException.invalid("value", m);
        });
        // one writer per target at a time: the live-period check below cannot race
        em.lock(target, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(target);
        Actual live = live(targetId, period.toString());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actual actual = new Actual();
        actual.targetId = targetId;
        actual.period = period.toString();
        actual.endMonth = (short) period.endMonth();
        actual.value = request.value();
        actual.note = blankToNull(request.note());
        actual.revision = nextRevision(targetId, period.toString());
        actual.submittedBy = caller.subject();
        actual.submittedAt = now;
        if (restatement) {
            if (live == null || live.status != ActualStatus.APPROVED) {
                throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION,
                        "期次 " + period + " 尚未审核通过，不能重述；请直接审核或退回");
            }
            ActualView before = view(live, target);
            live.status = ActualStatus.SUPERSEDED;
            em.flush();
            actual.status = ActualStatus.APPROVED;
            actual.decidedBy = caller.subject();
            actual.decidedAt = now;
            actual.restatementReason = request.restatementReason().trim();
            em.persist(actual);
            afterApproval(target, indicator);
            ActualView view = view(actual, target);
            outbox.publish(APPROVED, actual.id.toString(), view);
            audit.record("restate", ENTITY, actual.id.toString(), target.orgUnitCode, before, view);
            return view;
        }
        if (live != null) {
            throw ProblemException.conflict(live.status == ActualStatus.APPROVED
                    ? "期次 " + period + " 已审核锁定；如统计数据修订，请由督查人员重述"
                    : "期次 " + period + " 已报送，正在等待审核");
        }
        actual.status = ActualStatus.SUBMITTED;
        em.persist(actual);
        em.flush();
        ActualView view = view(actual, target);
        outbox.publish(SUBMITTED, actual.id.toString(), view);
        audit.record("submit", ENTITY, actual.id.toString(), target.orgUnitCode, null, view);
        return view;
    }

    /**
     * Proposes the actual of the period in which a lead unit reported {@code reached} on a task
     * linked to the target (一次填报，多处复用): a {@code SUBMITTED} actual derived from the report,
     * which a supervisor reviews as any other. A later report in the same period updates the
     * proposal while it awaits review; a period reported by hand, or already approved, is left as
     * it is, and so is another task's proposal. The task's quantity must be counted in the
     * indicator's unit. For a cumulative indicator the period's value is what was reached less what
     * earlier periods reported (approved or awaiting review). Called by the feed consumer; a
     * replayed or older report changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void proposeFromTaskReport(TaskReport report) {
        Target target = em.find(Target.class, report.targetId(), LockModeType.PESSIMISTIC_WRITE);
        Indicator indicator = target == null ? null : em.find(Indicator.class, target.indicatorCode);
        if (indicator == null) {
            LOG.infof("Progress report %d names target %d, which does not exist here: no actual proposed",
                    report.reportId(), report.targetId());
            return;
        }
        if (!indicator.unit.equals(report.quantityUnit())) {
            LOG.infof("Progress report %d counts %s, target %d's indicator %s; no actual proposed",
                    report.reportId(), report.quantityUnit(), target.id, indicator.unit);
            return;
        }
        Period period = Period.containing(report.reportedOn(), indicator.frequency);
        if (period.year() != target.year) {
            return;
        }
        BigDecimal value = report.reached();
        String note = "由任务 #" + report.taskId() + " 的进展填报 #" + report.reportId() + " 生成";
        if (indicator.kind == IndicatorKind.CUMULATIVE) {
            // what earlier periods already reported (approved or awaiting review) is not this period's
            BigDecimal earlier = em.createQuery("select coalesce(sum(a.value), 0) from Actual a where a.targetId = :t"
                            + " and a.status in :live and a.endMonth < :start", BigDecimal.class)
                    .setParameter("t", target.id)
                    .setParameter("live", List.of(ActualStatus.SUBMITTED, ActualStatus.APPROVED))
                    .setParameter("start", (short) period.startMonth())
                    .getSingleResult();
            value = report.reached().subtract(earlier);
            note += "：累计完成 " + report.reached().stripTrailingZeros().toPlainString() + "，减去此前各期已报 "
                    + earlier.stripTrailingZeros().toPlainString();
        }
        if (value.signum() < 0 || ValueRules.problemWith(indicator, value).isPresent()) {
            LOG.infof("Progress report %d: %s is no valid actual of target %d for %s; none proposed",
                    report.reportId(), value.toPlainString(), target.id, period);
            return;
        }
        Actual live = live(target.id, period.toString());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (live == null) {
            Actual actual = new Actual();
            actual.targetId = target.id;
            actual.period = period.toString();
            actual.endMonth = (short) period.endMonth();
            actual.revision = nextRevision(target.id, period.toString());
            actual.status = ActualStatus.SUBMITTED;
            derive(actual, report, value, note, now);
            em.persist(actual);
            em.flush();
            ActualView view = view(actual, target);
            outbox.publish(SUBMITTED, actual.id.toString(), view);
            audit.record("propose", ENTITY, actual.id.toString(), target.orgUnitCode, null, view);
            return;
        }
        // only this task's own proposal, awaiting review, follows its later reports
        boolean ownProposal = live.status == ActualStatus.SUBMITTED && live.sourceReportId != null
                && live.sourceTaskId != null && live.sourceTaskId == report.taskId();
        if (!ownProposal || live.sourceReportId >= report.reportId()) {
            return;
        }
        ActualView before = view(live, target);
        derive(live, report, value, note, now);
        em.flush();
        ActualView after = view(live, target);
        outbox.publish(SUBMITTED, live.id.toString(), after);
        audit.record("propose", ENTITY, live.id.toString(), target.orgUnitCode, before, after);
    }

    private static void derive(Actual actual, TaskReport report, BigDecimal value, String note, OffsetDateTime now) {
        actual.value = value;
        actual.note = note.length() > 500 ? note.substring(0, 500) : note;
        actual.submittedBy = report.reportedBy();
        actual.submittedAt = now;
        actual.sourceTaskId = report.taskId();
        actual.sourceReportId = report.reportId();
    }

    @Transactional
    public ActualView approve(long actualId, String ifMatch) {
        return decide(actualId, ActualStatus.APPROVED, null, ifMatch);
    }

    @Transactional
    public ActualView returnToDepartment(long actualId, String reason, String ifMatch) {
        return decide(actualId, ActualStatus.RETURNED, reason.trim(), ifMatch);
    }

    private ActualView decide(long actualId, ActualStatus decision, String reason, String ifMatch) {
        Actual actual = require(actualId);
        Target target = targets.require(actual.targetId);
        access.requireManage(target);
        em.lock(target, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(target);
        em.refresh(actual);
        ETags.requireIfMatch(ifMatch, actual.version);
        if (actual.status != ActualStatus.SUBMITTED) {
            throw new ProblemException(ProblemKind.ILLEGAL_TRANSITION, "实绩 " + actualId + " 当前状态为 "
                    + actual.status + "，不能" + (decision == ActualStatus.APPROVED ? "审核通过" : "退回")
                    + "（只有 SUBMITTED 状态可以）");
        }
        ActualView before = view(actual, target);
        actual.status = decision;
        actual.decidedBy = caller.subject();
        actual.decidedAt = OffsetDateTime.now(clock);
        actual.returnReason = reason;
        em.flush();
        if (decision == ActualStatus.APPROVED) {
            afterApproval(target, indicators.require(target.indicatorCode));
        }
        ActualView after = view(actual, target);
        outbox.publish(decision == ActualStatus.APPROVED ? APPROVED : RETURNED, actual.id.toString(), after);
        audit.record(decision == ActualStatus.APPROVED ? "approve" : "return", ENTITY, actual.id.toString(),
                target.orgUnitCode, before, after);
        return after;
    }

    @Transactional
    public ActualView get(long actualId) {
        Actual actual = require(actualId);
        Target target = targets.require(actual.targetId);
        access.requireVisible(target);
        return view(actual, target);
    }

    @Transactional
    public PageResult<ActualView> history(long targetId, PageRequest page) {
        Target target = targets.require(targetId);
        access.requireVisible(target);
        List<Actual> rows = em.createQuery("from Actual a where a.targetId = :t order by a.endMonth, a.period, a.revision",
                        Actual.class)
                .setParameter("t", targetId)
                .setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("select count(a) from Actual a where a.targetId = :t", Long.class)
                .setParameter("t", targetId).getSingleResult();
        return PageResult.of(rows.stream().map(a -> view(a, target)).toList(), page, total);
    }

    /**
     * Actuals across the caller's visible targets (a target is visible to whoever covers its unit
     * or its responsible unit), oldest submission first: with {@code SUBMITTED}, the supervisors'
     * approval queue.
     */
    @Transactional
    public PageResult<ActualView> list(ActualStatus status, String orgUnit, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.units("scope", "t.org_unit_code", "t.responsible_unit_code").addTo(params));
        if (orgUnit != null) {
            String orgPath = tree.pathOf(orgUnit).orElse(OrgPath.of(null, orgUnit));
            where.append(" and ").append(ScopePredicate.visibleUnits(orgPath, "org", "t.org_unit_code",
                    "t.responsible_unit_code").addTo(params));
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        String from = " from actual a join target t on t.id = a.target_id";
        Query rows = em.createNativeQuery("select a.*" + from + where + " order by a.submitted_at, a.id", Actual.class);
        Query count = em.createNativeQuery("select count(*)" + from + where);
        for (Query q : List.of(rows, count)) {
            params.forEach(q::setParameter);
        }
        @SuppressWarnings("unchecked")
        List<Actual> actuals = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        // the page's targets in one statement, not one per actual
        Map<Long, Target> byId = new HashMap<>();
        List<Long> targetIds = actuals.stream().map(a -> a.targetId).distinct().toList();
        if (!targetIds.isEmpty()) {
            em.createQuery("from Target t where t.id in :ids", Target.class).setParameter("ids", targetIds)
                    .getResultList().forEach(t -> byId.put(t.id, t));
        }
        return PageResult.of(actuals.stream().map(a -> view(a, byId.get(a.targetId))).toList(), page,
                ((Number) count.getSingleResult()).longValue());
    }

    /** Rewrites the target's summary of approved actuals and its colour. */
    private void afterApproval(Target target, Indicator indicator) {
        em.flush();
        List<Actual> approved = em.createQuery(
                        "from Actual a where a.targetId = :t and a.status = :s order by a.endMonth", Actual.class)
                .setParameter("t", target.id)
                .setParameter("s", ActualStatus.APPROVED)
                .getResultList();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal h1Total = BigDecimal.ZERO;
        Actual latest = null;
        Actual june = null;
        for (Actual a : approved) {
            total = total.add(a.value);
            if (a.endMonth <= 6) {
                h1Total = h1Total.add(a.value);
            }
            if (a.endMonth == 6) {
                june = a;
            }
            latest = a;
        }
        target.approvedTotal = approved.isEmpty() ? null : total;
        target.latestPeriod = latest == null ? null : latest.period;
        target.latestValue = latest == null ? null : latest.value;
        target.latestEndMonth = latest == null ? null : latest.endMonth;
        target.h1Reported = june != null;
        target.h1Total = june == null ? null : h1Total;
        target.h1Value = june == null ? null : june.value;
        targets.recolour(target, indicator, progress.today());
    }

    private Period validPeriod(String text, Target target, Indicator indicator) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
        if (period.year() != target.year) {
            throw ProblemException.invalid("period", "期次应在目标年度 " + target.year + " 内");
        }
        if (!period.matches(indicator.frequency)) {
            throw ProblemException.invalid("period", "指标 " + indicator.code + " 按"
                    + (indicator.frequency == org.kpi.goals.indicators.Frequency.MONTHLY ? "月（如 2026-06）" : "季度（如 2026-Q2）")
                    + "填报");
        }
        LocalDate today = progress.today();
        if (period.startDate().isAfter(today)) {
            throw ProblemException.invalid("period", "期次 " + period + " 尚未开始，不能填报");
        }
        return period;
    }

    private Actual live(long targetId, String period) {
        return em.createQuery("from Actual a where a.targetId = :t and a.period = :p and a.status in :live", Actual.class)
                .setParameter("t", targetId)
                .setParameter("p", period)
                .setParameter("live", List.of(ActualStatus.SUBMITTED, ActualStatus.APPROVED))
                .getResultStream().findFirst().orElse(null);
    }

    private int nextRevision(long targetId, String period) {
        Integer max = em.createQuery("select max(a.revision) from Actual a where a.targetId = :t and a.period = :p", Integer.class)
                .setParameter("t", targetId)
                .setParameter("p", period)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private Actual require(long id) {
        Actual actual = em.find(Actual.class, id);
        if (actual == null) {
            throw ProblemException.notFound("实绩 " + id + " 不存在或无权查看");
        }
        return actual;
    }

    private static ActualView view(Actual a, Target t) {
        return new ActualView(a.id, a.targetId, t.indicatorCode, t.orgUnitCode, t.responsibleUnitCode, a.period,
                a.value, a.note, a.status, a.revision, a.submittedBy, a.submittedAt, a.decidedBy, a.decidedAt,
                a.returnReason, a.restatementReason, a.version, a.sourceTaskId, a.sourceReportId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
