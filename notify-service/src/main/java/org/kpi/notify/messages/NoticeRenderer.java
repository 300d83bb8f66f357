package org.kpi.notify.messages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.reminders.ReminderKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Writes a notice (通知) from its kind's template under {@code templates/notices/} (Qute; a maintainer
 * edits the wording there). A template's first line is the title; the body is the whole text, so
 * it opens with the title once, like a reminder's.
 */
@ApplicationScoped
public class NoticeRenderer {

    @Inject
    @Location("notices/order-issued.txt")
    Template orderIssued;

    @Inject
    @Location("notices/task-returned.txt")
    Template taskReturned;

    @Inject
    @Location("notices/closure-requested.txt")
    Template closureRequested;

    @Inject
    @Location("notices/task-closed.txt")
    Template taskClosed;

    @Inject
    @Location("notices/actual-returned.txt")
    Template actualReturned;

    @Inject
    @Location("notices/accountability-recorded.txt")
    Template accountabilityRecorded;

    @Inject
    @Location("notices/reassignment-requested.txt")
    Template reassignmentRequested;

    @Inject
    @Location("notices/reassignment-decided.txt")
    Template reassignmentDecided;

    @Inject
    @Location("notices/assessment-published.txt")
    Template assessmentPublished;

    @Inject
    @Location("notices/appeal-filed.txt")
    Template appealFiled;

    @Inject
    @Location("notices/appeal-decided.txt")
    Template appealDecided;

    @Inject
    @Location("notices/report-issued.txt")
    Template reportIssued;

    /** The line an e-mail of an issued document gets when the file is too large to attach. */
    @Inject
    @Location("notices/report-not-attached.txt")
    Template reportNotAttached;

    /** A rendered notice: its one-line title and its text (title first). */
    public record Rendered(String title, String text) {
    }

    public Rendered render(ReminderKind kind, NoticeMessage message) {
        Template template = switch (kind) {
            case ORDER_ISSUED -> orderIssued;
            case TASK_RETURNED -> taskReturned;
            case CLOSURE_REQUESTED -> closureRequested;
            case TASK_CLOSED -> taskClosed;
            case ACTUAL_RETURNED -> actualReturned;
            case ACCOUNTABILITY_RECORDED -> accountabilityRecorded;
            case REASSIGNMENT_REQUESTED -> reassignmentRequested;
            case REASSIGNMENT_DECIDED -> reassignmentDecided;
            case ASSESSMENT_PUBLISHED -> assessmentPublished;
            case APPEAL_FILED -> appealFiled;
            case APPEAL_DECIDED -> appealDecided;
            case REPORT_ISSUED -> reportIssued;
            default -> null;
        };
        if (template == null) {
            throw new IllegalArgumentException(kind + " is not a notice");
        }
        String text = template.data("m", message).render().strip();
        int end = text.indexOf('\n');
        return new Rendered(end < 0 ? text : text.substring(0, end).strip(), text);
    }

    /**
     * The line that tells an e-mail's reader the document {@code fileName} of {@code size} bytes is
     * not attached, being larger than {@code limit} bytes, and to fetch it through the link.
     */
    public String notAttached(String fileName, long size, long limit) {
        return reportNotAttached.data("fileName", fileName).data("sizeLabel", sizeLabel(size))
                .data("limitLabel", sizeLabel(limit)).render().strip();
    }

    /** 48213 → 47.1 KB; 11534336 → 11 MB; 512 → 512 字节 (binary multiples, as file managers show them). */
    public static String sizeLabel(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? oneDecimal(kib) + " KB" : oneDecimal(kib / 1024) + " MB";
    }

    private static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** 2026年11月3日 16:00, in the zone of {@code zone}. */
    public static String timeLabel(OffsetDateTime at, ZoneId zone) {
        ZonedDateTime local = at.atZoneSameInstant(zone);
        return local.getYear() + "年" + MessageRenderer.dateLabel(local.toLocalDate()) + " "
                + String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute());
    }

    /** 9月10日. */
    public static String dateLabel(LocalDate date) {
        return date == null ? null : MessageRenderer.dateLabel(date);
    }

    /** 2026-10 → 2026年10月 (as in reminders). */
    public static String periodLabel(String period) {
        return MessageRenderer.periodLabel(period);
    }
}
