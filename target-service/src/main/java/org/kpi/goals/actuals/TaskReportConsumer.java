package org.kpi.goals.actuals;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code progress-report.filed} from task-service's feed: a lead unit's report on a task
 * linked to a target, with the quantity reached, proposes the target's actual for the period
 * ({@link ActualService#proposeFromTaskReport}). Reports without a target or a quantity, and
 * co-units' reports, are not actuals.
 */
@ApplicationScoped
public class TaskReportConsumer implements EventHandler {

    static final String REPORT_FILED = "progress-report.filed";

    @Inject
    ActualService actuals;

    @Override
    public boolean handles(String type) {
        return REPORT_FILED.equals(type);
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = event.payload();
        if (p == null || !p.hasNonNull("targetId") || !p.hasNonNull("quantityReached")
                || !"LEAD".equals(UnusableEvent.optionalText(event, "role"))) {
            return;
        }
        long reportId = UnusableEvent.requiredLong(event, "reportId");
        long taskId = UnusableEvent.requiredLong(event, "taskId");
        long targetId = UnusableEvent.requiredLong(event, "targetId");
        LocalDate reportedOn;
        BigDecimal reached;
        try {
            reportedOn = LocalDate.parse(UnusableEvent.requiredText(event, "reportedOn"));
            reached = new BigDecimal(p.get("quantityReached").asText());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的 reportedOn 或 quantityReached 无法识别");
        }
        if (reached.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new UnusableEvent("事件 " + event.type() + " #" + event.seq() + " 的 quantityReached 超出范围");
        }
        String reportedBy = UnusableEvent.optionalText(event, "reportedBy");
        if (reportedBy != null && reportedBy.length() > 128) {
            reportedBy = reportedBy.substring(0, 128);
        }
        actuals.proposeFromTaskReport(new TaskReport(reportId, taskId, targetId, reportedOn, reached,
                UnusableEvent.optionalText(event, "quantityUnit"),
                reportedBy == null || reportedBy.isBlank() ? "task-service" : reportedBy));
    }
}
