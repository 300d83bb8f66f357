package org.kpi.goals.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.org.OrgPath;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The archive of issued documents (文件归档): issuing renders a document once, keeps its bytes and
 * publishes {@code report.issued}, so that notify-service sends it; a document, once issued, never
 * changes — a second issue of the same unit, kind and period is refused.
 */
@ApplicationScoped
public class ReportArchive {

    /** The kind the units under a unit read in its archive. */
    static final ReportKind CIRCULATED = ReportKind.MONTHLY;

    /** Event type of a document issued. */
    public static final String ISSUED = "report.issued";

    @Inject
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    OrgTree tree;

    @Inject
    Scope scope;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** Payload of {@code report.issued}: the document's metadata and where to fetch and open it. */
    public record Issued(long id, String orgUnitCode, String orgUnitName, ReportKind kind, String kindLabel, String period,
                         String title, String fileName, String contentType, long size, String sha256, String summary,
                         String issuedBy, OffsetDateTime issuedAt, String filePath, String consolePath) {
    }

    /** A document rendered, not yet kept. */
    record Rendered(String title, String fileName, String contentType, byte[] content, String summary) {
    }

    /** A supervisor issues a document now: 201 with it, 409 when that period's is already issued. */
    public ReportDocumentView issueNow(ReportIssue request) {
        OrgUnit org = reports.readable(request.orgUnitCode());
        if (!(caller.isAdmin() || caller.isSupervisor())) {
            throw ProblemException.forbidden("只有督查人员可以印发文件");
        }
        LocalDate today = reports.today();
        ReportPeriod period = request.period() == null || request.period().isBlank()
                ? defaultPeriod(request.kind(), today)
                : ReportPeriod.parse(request.kind(), request.period(), "period");
        Reports.started(period, today, "period");
        if (period.kind() != ReportKind.WEEKLY && !period.to().isBefore(today)) {
            // the archive keeps one per period: a month's bulletin issued half-way would stand for good
            throw ProblemException.invalid("period", period.key() + " 尚未结束，结束后才能印发" + period.kind().label());
        }
        return issue(org, period, caller.subject())
                .orElseThrow(() -> ProblemException.conflict(org.name + " " + period.key() + " 的" + request.kind().label()
                        + "已经印发，印发后不再改变；请在文件归档中查看"));
    }

    /** The period a document of {@code kind} is issued for on {@code day}: this week, last month, last quarter. */
    static ReportPeriod defaultPeriod(ReportKind kind, LocalDate day) {
        ReportPeriod current = ReportPeriod.containing(kind, day);
        return kind == ReportKind.WEEKLY ? current : current.previous();
    }

    /**
     * Issues the document of {@code period} for {@code org}: rendered outside any transaction (charts
     * take a while), then kept and published in a short one; empty when it was issued already (by
     * another replica, say).
     */
    @ActivateRequestContext
    Optional<ReportDocumentView> issue(OrgUnit org, ReportPeriod period, String issuedBy) {
        if (QuarkusTransaction.requiringNew().call(() -> exists(org.code, period))) {
            return Optional.empty();
        }
        Rendered doc = render(org, period);
        return QuarkusTransaction.requiringNew().call(() -> keep(org, period, doc, issuedBy));
    }

    private Optional<ReportDocumentView> keep(OrgUnit org, ReportPeriod period, Rendered doc, String issuedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String sha = sha256(doc.content());
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        insert into report_document (org_unit_code, kind, period, title, file_name, content_type, content,
                                                     sha256, summary, issued_by, issued_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict on constraint report_document_once do nothing returning id""")
                .setParameter(1, org.code).setParameter(2, period.kind().name()).setParameter(3, period.key())
                .setParameter(4, doc.title()).setParameter(5, doc.fileName()).setParameter(6, doc.contentType())
                .setParameter(7, doc.content()).setParameter(8, sha).setParameter(9, doc.summary())
                .setParameter(10, issuedBy).setParameter(11, now)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        ReportDocumentView view = new ReportDocumentView(id, org.code, org.name, period.kind(), period.kind().label(),
                period.key(), doc.title(), doc.fileName(), doc.contentType(), doc.content().length, sha, doc.summary(),
                issuedBy, now, filePath(id), consolePath(org.code, id));
        outbox.publish(ISSUED, Long.toString(id), new Issued(view.id(), view.orgUnitCode(), view.orgUnitName(),
                view.kind(), view.kindLabel(), view.period(), view.title(), view.fileName(), view.contentType(), view.size(),
                view.sha256(), view.summary(), view.issuedBy(), view.issuedAt(), view.filePath(), view.consolePath()));
        audit.record("issue", "report-document", Long.toString(id), org.code, null, view);
        return Optional.of(view);
    }

    boolean exists(String orgUnitCode, ReportPeriod period) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from report_document where org_unit_code = ?1 and kind = ?2 and period = ?3")
                .setParameter(1, orgUnitCode).setParameter(2, period.kind().name()).setParameter(3, period.key())
                .getSingleResult()).longValue() > 0;
    }

    /** The document of {@code period}, rendered as of today (or the period's end). */
    Rendered render(OrgUnit org, ReportPeriod period) {
        LocalDate today = reports.today();
        return switch (period.kind()) {
            case WEEKLY -> {
                WeeklyView w = reports.weekly(org, period, today);
                WeeklyView.Summary s = w.summary();
                yield new Rendered(org.name + "周调度清单（" + w.label().replace(" ", "") + "）",
                        org.name + "周调度清单-" + w.week() + ".xlsx", ReportResource.XLSX, WeeklyWorkbook.write(w),
                        "截至" + MonthlyBulletin.day(w.asOf()) + "，在办任务" + s.running() + "项，其中逾期" + s.overdue()
                                + "项；未来两周到期" + s.dueSoon() + "项（含节点），本周未按期完成节点" + s.missedMilestones()
                                + "个，本周未报进展单位" + s.unreportedUnits() + "个，本周新下督办单" + s.newOrders() + "件。");
            }
            case MONTHLY -> {
                BulletinView b = reports.monthly(org, period, today);
                yield new Rendered(org.name + "督查通报（" + b.number() + "）", org.name + "督查通报-" + b.month() + ".docx",
                        ReportResource.DOCX, BulletinDocument.write(b), b.summary());
            }
            case QUARTERLY -> {
                AnalysisView a = reports.quarterly(org, period, today);
                yield new Rendered(a.title(), org.name + "季度分析-" + a.quarter() + ".docx", ReportResource.DOCX,
                        AnalysisDocument.write(a, org.name + "督查室", today), a.summary());
            }
        };
    }

    /**
     * The documents issued for {@code orgUnitCode}, newest first: its supervisors and leaders read
     * them all; the units under it read its bulletins (a bulletin is circulated to every unit), not
     * its dispatch lists and analyses, which name what those units may not see elsewhere.
     */
    public List<ReportDocumentView> list(String orgUnitCode, ReportKind kind) {
        OrgUnit org = archiveReadable(orgUnitCode);
        boolean everything = caller.isAdmin() || scope.covers(org.code);
        List<ReportDocumentView> views = new ArrayList<>();
        for (Object row : em.createNativeQuery(SELECT + " where d.org_unit_code = ?1 and (?2 = '' or d.kind = ?2)"
                        + " order by d.issued_at desc, d.id desc")
                .setParameter(1, org.code).setParameter(2, kind == null ? "" : kind.name()).getResultList()) {
            ReportDocumentView view = view((Object[]) row);
            if (everything || view.kind() == CIRCULATED) {
                views.add(view);
            }
        }
        return views;
    }

    public ReportDocumentView get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("文件 " + id + " 不存在或无权查看"));
    }

    /** A document issued and its bytes. */
    public record Stored(ReportDocumentView document, byte[] content) {
    }

    /** Document {@code id} with its bytes, for whoever may read it (and for notify-service, to attach it). */
    public Stored file(long id) {
        ReportDocumentView document = get(id);
        return new Stored(document, (byte[]) em.createNativeQuery("select content from report_document where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private Optional<ReportDocumentView> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where d.id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ReportDocumentView view = view(rows.get(0));
        boolean everything = caller.isService() || caller.isAdmin() || scope.covers(view.orgUnitCode());
        if (!everything && !(view.kind() == CIRCULATED && mayReadArchiveOf(view.orgUnitCode()))) {
            return Optional.empty();
        }
        return Optional.of(view);
    }

    private OrgUnit archiveReadable(String orgUnitCode) {
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw ProblemException.invalid("orgUnit", "请指定单位");
        }
        OrgUnit org = tree.find(orgUnitCode.trim()).orElse(null);
        if (org == null || !mayReadArchiveOf(org.code)) {
            throw ProblemException.notFound("组织机构 " + orgUnitCode + " 不存在或不在本人辖区内");
        }
        return org;
    }

    /** Readers of a unit's archive: admin, its supervisors and leaders, and the units below it. */
    private boolean mayReadArchiveOf(String orgUnitCode) {
        if (caller.isAdmin() || scope.covers(orgUnitCode)) {
            return true;
        }
        String own = caller.orgCode() == null ? null : tree.pathOf(caller.orgCode()).orElse(null);
        String path = tree.pathOf(orgUnitCode).orElse(null);
        return own != null && path != null && OrgPath.isWithin(own, path);
    }

    private static final String SELECT = """
            select d.id, d.org_unit_code, u.name, d.kind, d.period, d.title, d.file_name, d.content_type,
                   octet_length(d.content), d.sha256, d.summary, d.issued_by, d.issued_at
              from report_document d join org_unit u on u.code = d.org_unit_code""";

    private ReportDocumentView view(Object[] r) {
        long id = ((Number) r[0]).longValue();
        ReportKind kind = ReportKind.valueOf((String) r[3]);
        return new ReportDocumentView(id, (String) r[1], (String) r[2], kind, kind.label(), (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], ((Number) r[8]).longValue(), ((String) r[9]).trim(), (String) r[10],
                (String) r[11], OffsetDateTime.ofInstant((Instant) r[12], clock.getZone()), filePath(id),
                consolePath((String) r[1], id));
    }

    static String filePath(long id) {
        return "/api/v1/reports/archive/" + id + "/file";
    }

    /** Where the console shows it: in the archive of its unit, picked out. */
    static String consolePath(String orgUnitCode, long id) {
        return "/reports?orgUnit=" + orgUnitCode + "&archive=" + id;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
