package org.kpi.notify.messages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.reminders.ReminderKind;

import java.time.LocalDate;

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
            default -> null;
        };
        if (template == null) {
            throw new IllegalArgumentException(kind + " is not a notice");
        }
        String text = template.data("m", message).render().strip();
        int end = text.indexOf('\n');
        return new Rendered(end < 0 ? text : text.substring(0, end).strip(), text);
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
