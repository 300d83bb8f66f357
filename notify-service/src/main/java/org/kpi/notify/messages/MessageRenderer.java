package org.kpi.notify.messages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.policies.LadderStep;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.reminders.DueSubject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a reminder's message from the templates under {@code templates/reminders/} (Qute; a
 * maintainer edits the wording there): a one-line title and a body that says what is due, when,
 * how late, who leads, and where to act.
 */
@ApplicationScoped
public class MessageRenderer {

    @Inject
    @Location("reminders/title.txt")
    Template title;

    @Inject
    @Location("reminders/body.txt")
    Template body;

    @Inject
    NotifyConfig config;

    /** A rendered message and its facts for machine peers. */
    public record Rendered(String title, String text, String link, Map<String, Object> facts) {
    }

    public Rendered render(DueSubject subject, LadderStep step, NotifyParty party, String recipient, PolicyBook book,
                           LocalDate today) {
        long daysLate = ChronoUnit.DAYS.between(subject.dueDate(), today);
        String link = link(subject);
        boolean office = party == NotifyParty.DISTRICT || party == NotifyParty.CITY;
        String coNames = subject.coUnits().stream().map(book::nameOf).collect(Collectors.joining("、"));
        ReminderMessage message = new ReminderMessage(subject.type().name(), step.kind().label(), subject.title(),
                subject.taskTitle(), periodLabel(subject.period()), subject.periodic(), dateLabel(subject.dueDate()),
                daysLate, -daysLate, book.nameOf(subject.ownerUnit()), coNames, subject.responsibleLeader(), office,
                !recipient.equals(subject.ownerUnit()) && party != NotifyParty.CO, book.nameOf(recipient), link, null);
        String headline = title.data("m", message).render().strip();
        String text = body.data("m", message.withHeadline(headline)).render().strip();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("subjectType", subject.type().name());
        facts.put("subjectId", subject.subjectId());
        if (subject.taskId() != null) {
            facts.put("taskId", subject.taskId());
        }
        if (subject.targetId() != null) {
            facts.put("targetId", subject.targetId());
        }
        if (subject.period() != null) {
            facts.put("period", subject.period());
        }
        facts.put("kind", step.kind().name());
        facts.put("offsetDays", step.offsetDays());
        facts.put("party", party.name());
        facts.put("dueDate", subject.dueDate().toString());
        facts.put("daysLate", Math.max(0, daysLate));
        facts.put("leadUnitCode", subject.ownerUnit());
        facts.put("responsibleLeader", office ? subject.responsibleLeader() : null);
        return new Rendered(headline, text, link, facts);
    }

    private String link(DueSubject subject) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        return switch (subject.type()) {
            case ACTUAL -> base + "/targets/" + subject.targetId();
            case ORDER -> base + "/supervision-orders/" + subject.subjectId();
            default -> base + "/tasks/" + subject.taskId();
        };
    }

    static String dateLabel(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2026 → 2026年; 2026-W47 → 2026年第47周; 2026-10 → 2026年10月; 2026-Q3 → 2026年第三季度; 2026-H1 → 2026年上半年. */
    static String periodLabel(String period) {
        if (period == null) {
            return null;
        }
        String[] parts = period.split("-");
        if (parts.length == 1 && period.matches("\\d{4}")) {
            return period + "年";
        }
        if (parts.length != 2) {
            return period;
        }
        if (parts[1].equals("H1") || parts[1].equals("H2")) {
            return parts[0] + "年" + (parts[1].equals("H1") ? "上半年" : "下半年");
        }
        String year = parts[0] + "年";
        if (parts[1].startsWith("W")) {
            return year + "第" + Integer.parseInt(parts[1].substring(1)) + "周";
        }
        if (parts[1].startsWith("Q")) {
            return year + "第" + "一二三四".charAt(Integer.parseInt(parts[1].substring(1)) - 1) + "季度";
        }
        return year + Integer.parseInt(parts[1]) + "月";
    }
}
