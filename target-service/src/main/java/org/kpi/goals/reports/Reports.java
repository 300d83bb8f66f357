package org.kpi.goals.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.goals.progress.ProgressService;

import java.time.LocalDate;

/**
 * The documents of an org unit, built live from the facts: who may read them and the period
 * they cover. Read-only: no transaction, nothing flushed.
 */
@ApplicationScoped
public class Reports {

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    DocumentFacts facts;

    @Inject
    ProgressService progress;

    public LocalDate today() {
        return progress.today();
    }

    /** The weekly dispatch list of {@code orgUnitCode} for {@code weekText} (2026-W47; default this week). */
    public WeeklyView weekly(String orgUnitCode, String weekText) {
        OrgUnit org = readable(orgUnitCode);
        LocalDate today = today();
        ReportPeriod week = weekText == null || weekText.isBlank() ? ReportPeriod.containing(ReportKind.WEEKLY, today)
                : ReportPeriod.parse(ReportKind.WEEKLY, weekText, "week");
        return weekly(org, week, today);
    }

    WeeklyView weekly(OrgUnit org, ReportPeriod week, LocalDate today) {
        LocalDate asOf = started(week, today, "week");
        return WeeklyDispatch.build(org.code, facts.unitNames(), week, asOf, facts.tasks(org),
                facts.lastReports(org, week.from(), asOf), facts.ordersIssued(org, week.from(), asOf));
    }

    /** The day a document of {@code period} is as of; 400 naming {@code field} for a period yet to begin. */
    static LocalDate started(ReportPeriod period, LocalDate today, String field) {
        if (period.from().isAfter(today)) {
            throw ProblemException.invalid(field, period.key() + " 尚未开始，没有可以汇总的情况");
        }
        return period.asOf(today);
    }

    /**
     * The unit whose documents the caller reads: supervisors and leaders within their scope, admin
     * anywhere (404 otherwise); departments read the issued documents in the archive, not these.
     */
    OrgUnit readable(String orgUnitCode) {
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw ProblemException.invalid("orgUnit", "请指定单位");
        }
        OrgUnit org = tree.find(orgUnitCode.trim()).orElse(null);
        if (org == null || !(caller.isAdmin() || scope.covers(org.code))) {
            throw ProblemException.notFound("组织机构 " + orgUnitCode + " 不存在或不在本人辖区内");
        }
        if (!(caller.isAdmin() || caller.isSupervisor() || caller.isLeader())) {
            throw ProblemException.forbidden("调度清单、通报和分析由督查室和领导查看；已印发的文件请在文件归档中查看");
        }
        return org;
    }
}
