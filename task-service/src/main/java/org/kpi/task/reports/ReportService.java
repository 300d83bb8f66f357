package org.kpi.task.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.events.Outbox;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.security.Caller;
import org.kpi.common.web.PageRequest;
import org.kpi.common.web.PageResult;
import org.kpi.task.TaskConfig;
import org.kpi.task.tasks.Signatures;
import org.kpi.task.tasks.SignedFor;
import org.kpi.task.tasks.Task;
import org.kpi.task.tasks.TaskAccess;
import org.kpi.task.tasks.TaskAction;
import org.kpi.task.tasks.TaskService;
import org.kpi.task.tasks.TaskView;
import org.kpi.task.tasks.UnitRole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Progress reports of the lead and each co-unit, kept apart by unit, and their attachments.
 * The first report moves an assigned task to IN_PROGRESS; the lead's latest report sets the
 * task's percent done and quantity reached.
 */
@ApplicationScoped
public class ReportService {

    static final String ENTITY = "progress-report";
    public static final String FILED = "progress-report.filed";

    @Inject
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    TaskService tasks;

    @Inject
    Signatures signatures;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    TaskConfig config;

    @Inject
    Clock clock;

    /** A stored attachment's bytes with its metadata, for download. */
    public record Download(AttachmentView meta, byte[] content) {
    }

    @Transactional
    public ProgressReportView post(long taskId, ProgressReportCreate request) {
        // the most frequent write: the task read and locked in one statement, saved in another
        Task task = access.readableLocked(taskId);
        UnitRole role = access.requireParticipant(task);
        TaskView before = tasks.view(task);
        task.status = TaskAction.REPORT.apply(task.status);
        ProgressReport report = new ProgressReport();
        report.taskId = task.id;
        report.unitCode = caller.orgCode();
        report.role = role;
        report.text = request.text().trim();
        report.percentDone = request.percentDone();
        report.quantityReached = request.quantityReached();
        report.reportedBy = caller.subject();
        report.reportedAt = OffsetDateTime.now(clock);
        em.persist(report);
        // a unit that reports before signing for the task signs for it by reporting
        boolean signedNow = signatures.sign(task, report.unitCode, report.reportedBy, true, report.reportedAt);
        if (role == UnitRole.LEAD) {
            if (request.percentDone() != null) {
                task.percentDone = request.percentDone();
            }
            if (request.quantityReached() != null) {
                task.quantityReached = request.quantityReached();
            }
        }
        tasks.savedProgress(task, before);
        ProgressReportView view = ProgressReportView.of(report, List.of());
        audit.record("create", ENTITY, Long.toString(report.id), task.orgUnitCode, null, view);
        if (signedNow) {
            outbox.publish(TaskService.SIGNED_FOR, Long.toString(task.id), new SignedFor(task.id, report.unitCode,
                    role, report.reportedAt, true));
        }
        outbox.publish(FILED, Long.toString(task.id), new ProgressReportFiled(report.id, task.id, report.unitCode,
                report.role, report.reportedAt.atZoneSameInstant(clock.getZone()).toLocalDate(), report.reportedAt,
                task.targetId, report.quantityReached, task.quantityUnit, report.reportedBy, report.percentDone));
        return view;
    }

    @Transactional
    public PageResult<ProgressReportView> list(long taskId, String unitCode, PageRequest page) {
        Task task = access.readable(taskId);
        String where = " where r.taskId = :task" + (unitCode == null ? "" : " and r.unitCode = :unit");
        var query = em.createQuery("from ProgressReport r" + where + " order by r.reportedAt desc, r.id desc",
                ProgressReport.class).setParameter("task", task.id);
        var count = em.createQuery("select count(r) from ProgressReport r" + where, Long.class)
                .setParameter("task", task.id);
        if (unitCode != null) {
            query.setParameter("unit", unitCode);
            count.setParameter("unit", unitCode);
        }
        List<ProgressReport> reports = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<Long, List<AttachmentView>> attachments = reports.isEmpty() ? Map.of()
                : em.createQuery("from Attachment a where a.reportId in :ids order by a.id", Attachment.class)
                .setParameter("ids", reports.stream().map(r -> r.id).toList())
                .getResultList().stream()
                .collect(Collectors.groupingBy(a -> a.reportId, Collectors.mapping(AttachmentView::of,
                        Collectors.toList())));
        List<ProgressReportView> items = reports.stream()
                .map(r -> ProgressReportView.of(r, attachments.getOrDefault(r.id, List.of())))
                .toList();
        return PageResult.of(items, page, count.getSingleResult());
    }

    /**
     * Refuses an upload before its body is read: the task must be one the caller may read (404
     * otherwise) and the report its own unit's (403 otherwise). {@link #attach} checks again.
     */
    @Transactional
    public void checkUpload(long taskId, long reportId) {
        Task task = access.readable(taskId);
        ProgressReport report = report(task, reportId);
        access.requireParticipant(task);
        if (!report.unitCode.equals(caller.orgCode())) {
            throw ProblemException.forbidden("只能为本单位的进展填报上传附件");
        }
    }

    /**
     * Stores an attachment on a report: only the unit that wrote the report may add one; the
     * type is checked by content against the allow-list, the size against the limit.
     */
    @Transactional
    public AttachmentView attach(long taskId, long reportId, String fileName, Path file, long size) {
        Task task = access.readable(taskId);
        ProgressReport report = report(task, reportId);
        access.requireParticipant(task);
        if (!report.unitCode.equals(caller.orgCode())) {
            throw ProblemException.forbidden("只能为本单位的进展填报上传附件");
        }
        if (size > config.maxAttachmentBytes()) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                    "附件 " + size + " 字节，超过上限 " + config.maxAttachmentBytes() + " 字节（10 MiB）");
        }
        if (size == 0) {
            throw ProblemException.invalid("file", "附件为空");
        }
        String name = safeName(fileName);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Uploaded file cannot be read", e);
        }
        AttachmentType type = AttachmentType.detect(head(file), file).orElseThrow(() ->
                new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                        "不支持的附件类型：只接受 PDF、PNG、JPEG、GIF 和 Office 文档（按文件内容判断）"));
        if (!type.fitsName(name)) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "文件内容为 " + type.name() + "，与文件名“" + name + "”的扩展名不符");
        }
        String mediaType = type == AttachmentType.OLE2_OFFICE ? legacyOfficeType(name) : type.mediaType();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Number id = (Number) em.createNativeQuery("insert into report_attachment (report_id, task_id, file_name, "
                        + "media_type, size_bytes, sha256, content, uploaded_by, uploaded_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id")
                .setParameter(1, report.id)
                .setParameter(2, task.id)
                .setParameter(3, name)
                .setParameter(4, mediaType)
                .setParameter(5, (long) content.length)
                .setParameter(6, sha256(content))
                .setParameter(7, content)
                .setParameter(8, caller.subject())
                .setParameter(9, now)
                .getSingleResult();
        Attachment stored = em.find(Attachment.class, id.longValue());
        AttachmentView view = AttachmentView.of(stored);
        audit.record("attach", ENTITY, Long.toString(report.id), task.orgUnitCode, null, view);
        return view;
    }

    @Transactional
    public Download download(long taskId, long reportId, long attachmentId) {
        Task task = access.readable(taskId);
        report(task, reportId);
        Attachment attachment = em.find(Attachment.class, attachmentId);
        if (attachment == null || !attachment.reportId.equals(reportId)) {
            throw ProblemException.notFound("附件 " + attachmentId + " 不存在");
        }
        byte[] content = (byte[]) em.createNativeQuery("select content from report_attachment where id = ?1")
                .setParameter(1, attachmentId)
                .getSingleResult();
        return new Download(AttachmentView.of(attachment), content);
    }

    private ProgressReport report(Task task, long reportId) {
        ProgressReport report = em.find(ProgressReport.class, reportId);
        if (report == null || !report.taskId.equals(task.id)) {
            throw ProblemException.notFound("进展填报 " + reportId + " 不存在");
        }
        return report;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new IllegalStateException("Uploaded file cannot be read", e);
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            return "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String legacyOfficeType(String name) {
        return switch (AttachmentType.extension(name)) {
            case "doc", "wps" -> "application/msword";
            case "xls", "et" -> "application/vnd.ms-excel";
            case "ppt", "dps" -> "application/vnd.ms-powerpoint";
            default -> AttachmentType.OLE2_OFFICE.mediaType();
        };
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
