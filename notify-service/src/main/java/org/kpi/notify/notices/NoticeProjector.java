package org.kpi.notify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.kpi.common.events.EventHandler;
import org.kpi.common.events.FeedEvent;
import org.kpi.notify.NotifyConfig;
import org.kpi.notify.documents.IssuedDocument;
import org.kpi.notify.policies.NotifyParty;
import org.kpi.notify.policies.PolicyBook;
import org.kpi.notify.policies.PolicyService;
import org.kpi.notify.reminders.ReminderKind;
import org.kpi.notify.reminders.SubjectType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.kpi.notify.projection.EventPayloads.date;
import static org.kpi.notify.projection.EventPayloads.payload;
import static org.kpi.notify.projection.EventPayloads.required;
import static org.kpi.notify.projection.EventPayloads.text;

/**
 * Turns supervision events on task-service's and target-service's feeds into notices (通知) to the
 * units concerned, in the transaction that applies the event:
 * <ul>
 *   <li>{@code supervision-order.issued} → the lead unit; a {@code SUPERVISE} or {@code LISTED} order
 *       also the district's supervision office (the responsible leader named);</li>
 *   <li>{@code task.returned} → the lead unit, with the reason;</li>
 *   <li>{@code task.closure-requested} → the supervision office that assigned the task (its org unit);</li>
 *   <li>{@code task.closed} → the lead and co-units;</li>
 *   <li>{@code actual.returned} → the target's responsible unit, with the reason;</li>
 *   <li>{@code accountability.recorded} → the unit concerned;</li>
 *   <li>{@code task.reassignment-requested} → the supervision office of the task's unit;</li>
 *   <li>{@code task.reassignment-decided} → the unit that asked, and the new lead when granted;</li>
 *   <li>{@code assessment.published} → each department assessed, with its own total and rank;</li>
 *   <li>{@code appeal.filed} → the supervision office of the assessing unit;</li>
 *   <li>{@code appeal.decided} → the department that appealed;</li>
 *   <li>{@code report.issued} → the unit the document is for: a district's or city's supervision
 *       office, or a department itself — its e-mails carry the document's file.</li>
 * </ul>
 */
@ApplicationScoped
public class NoticeProjector implements EventHandler {

    static final String ORDER_ISSUED = "supervision-order.issued";
    static final String TASK_RETURNED = "task.returned";
    static final String CLOSURE_REQUESTED = "task.closure-requested";
    static final String TASK_CLOSED = "task.closed";
    static final String ACTUAL_RETURNED = "actual.returned";
    static final String ACCOUNTABILITY_RECORDED = "accountability.recorded";
    static final String REASSIGNMENT_REQUESTED = "task.reassignment-requested";
    static final String REASSIGNMENT_DECIDED = "task.reassignment-decided";
    static final String ASSESSMENT_PUBLISHED = "assessment.published";
    static final String APPEAL_FILED = "appeal.filed";
    static final String APPEAL_DECIDED = "appeal.decided";
    static final String REPORT_ISSUED = "report.issued";

    private static final Map<String, String> LEVELS = Map.of("NOTICE", "提醒", "URGE", "催办", "SUPERVISE", "督办",
            "LISTED", "挂牌督办");
    private static final Map<String, String> ACCOUNTABILITY = Map.of("TALK", "约谈", "NOTICE_CRITICISM", "通报批评",
            "ADMONITION", "诫勉", "ACCOUNTABILITY", "问责");

    @Inject
    Notices notices;

    @Inject
    PolicyService policies;

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    /** What notify knows of a task from its projection. */
    private record TaskFacts(String title, String orgUnit, String lead, List<String> coUnits, String leader) {
    }

    @Override
    public boolean handles(String type) {
        return switch (type) {
            case ORDER_ISSUED, TASK_RETURNED, CLOSURE_REQUESTED, TASK_CLOSED, ACTUAL_RETURNED,
                 ACCOUNTABILITY_RECORDED, REASSIGNMENT_REQUESTED, REASSIGNMENT_DECIDED, ASSESSMENT_PUBLISHED,
                 APPEAL_FILED, APPEAL_DECIDED, REPORT_ISSUED -> true;
            default -> false;
        };
    }

    @Override
    public void apply(FeedEvent event) {
        JsonNode p = payload(event);
        String eventKey = event.type() + "#" + event.seq();
        LocalDate day = event.occurredAt() == null ? LocalDate.now(clock)
                : event.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        PolicyBook book = policies.book();
        if (ASSESSMENT_PUBLISHED.equals(event.type())) {
            assessmentPublished(p, eventKey, day).forEach(n -> notices.send(n, book));
            return;
        }
        Notice notice = switch (event.type()) {
            case ORDER_ISSUED -> orderIssued(p, eventKey, day, book);
            case TASK_RETURNED, CLOSURE_REQUESTED, TASK_CLOSED -> taskTransition(event.type(), p, eventKey, day, book);
            case ACTUAL_RETURNED -> actualReturned(p, eventKey, day);
            case REASSIGNMENT_REQUESTED, REASSIGNMENT_DECIDED -> reassignment(event.type(), p, eventKey, day, book);
            case APPEAL_FILED, APPEAL_DECIDED -> appeal(event.type(), p, eventKey, day, book);
            case REPORT_ISSUED -> reportIssued(p, eventKey, day, book);
            default -> accountabilityRecorded(p, eventKey, day);
        };
        notices.send(notice, book);
    }

    private Notice orderIssued(JsonNode p, String eventKey, LocalDate day, PolicyBook book) {
        long orderId = required(p, "id").asLong();
        long taskId = required(p, "taskId").asLong();
        String level = required(p, "level").asText();
        String orgUnit = required(p, "orgUnitCode").asText();
        String lead = text(p, "leadUnitCode");
        Optional<TaskFacts> task = task(taskId);
        String title = Optional.ofNullable(text(p, "taskTitle")).orElseGet(() -> task.map(TaskFacts::title).orElse(""));
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        if (lead != null) {
            recipients.put(lead, NotifyParty.LEAD);
        }
        if ("SUPERVISE".equals(level) || "LISTED".equals(level)) {
            office(book, orgUnit).ifPresent(o -> recipients.putIfAbsent(o.getKey(), o.getValue()));
        }
        LocalDate respondBy = date(p, "respondBy");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("orderId", orderId);
        facts.put("level", level);
        facts.put("reason", text(p, "reason"));
        facts.put("respondBy", respondBy == null ? null : respondBy.toString());
        facts.put("leadUnitCode", lead);
        return new Notice(ReminderKind.ORDER_ISSUED, eventKey, day, SubjectType.ORDER, orderId, taskId, null, title,
                recipients, lead, orgUnit, task.map(TaskFacts::leader).orElse(null),
                link("/supervision-orders/" + orderId), facts, title, null, null, LEVELS.getOrDefault(level, level),
                null, text(p, "reason"), respondBy, List.of(), null);
    }

    private Notice taskTransition(String type, JsonNode p, String eventKey, LocalDate day, PolicyBook book) {
        long taskId = required(p, "taskId").asLong();
        String orgUnit = required(p, "orgUnitCode").asText();
        String lead = text(p, "leadUnitCode");
        Optional<TaskFacts> task = task(taskId);
        String title = Optional.ofNullable(text(p, "title")).orElseGet(() -> task.map(TaskFacts::title).orElse(""));
        List<String> coUnits = task.map(TaskFacts::coUnits).orElse(List.of());
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        ReminderKind kind;
        switch (type) {
            case TASK_RETURNED -> {
                kind = ReminderKind.TASK_RETURNED;
                if (lead != null) {
                    recipients.put(lead, NotifyParty.LEAD);
                }
            }
            case CLOSURE_REQUESTED -> {
                kind = ReminderKind.CLOSURE_REQUESTED;
                String unitType = book.unit(orgUnit).map(PolicyBook.OrgNode::type).orElse("DISTRICT");
                recipients.put(orgUnit, "CITY".equals(unitType) ? NotifyParty.CITY : NotifyParty.DISTRICT);
            }
            default -> {
                kind = ReminderKind.TASK_CLOSED;
                if (lead != null) {
                    recipients.put(lead, NotifyParty.LEAD);
                }
                coUnits.forEach(co -> recipients.putIfAbsent(co, NotifyParty.CO));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", text(p, "status"));
        facts.put(kind == ReminderKind.TASK_RETURNED ? "reason" : "summary", text(p, "text"));
        facts.put("leadUnitCode", lead);
        return new Notice(kind, eventKey, day, SubjectType.TASK, taskId, taskId, null, title, recipients, lead,
                orgUnit, task.map(TaskFacts::leader).orElse(null), link("/tasks/" + taskId), facts, title, null, null,
                null, null, text(p, "text"), null, coUnits, null);
    }

    private Notice actualReturned(JsonNode p, String eventKey, LocalDate day) {
        long targetId = required(p, "targetId").asLong();
        String period = required(p, "period").asText();
        String unit = Optional.ofNullable(text(p, "responsibleUnitCode")).orElse(required(p, "orgUnitCode").asText());
        String indicator = indicatorName(targetId).orElse(Optional.ofNullable(text(p, "indicatorCode")).orElse(""));
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        recipients.put(unit, NotifyParty.LEAD);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("actualId", required(p, "id").asLong());
        facts.put("period", period);
        facts.put("reason", text(p, "returnReason"));
        facts.put("responsibleUnitCode", unit);
        return new Notice(ReminderKind.ACTUAL_RETURNED, eventKey, day, SubjectType.ACTUAL, targetId, null, targetId,
                indicator, recipients, unit, text(p, "orgUnitCode"), null, link("/targets/" + targetId), facts, null,
                indicator, period, null, null, text(p, "returnReason"), null, List.of(), null);
    }

    private Notice accountabilityRecorded(JsonNode p, String eventKey, LocalDate day) {
        long id = required(p, "id").asLong();
        String unit = required(p, "orgUnitCode").asText();
        String kind = required(p, "kind").asText();
        Long taskId = p.hasNonNull("taskId") ? p.get("taskId").asLong() : null;
        Long targetId = p.hasNonNull("targetId") ? p.get("targetId").asLong() : null;
        String taskTitle = taskId == null ? null : task(taskId).map(TaskFacts::title).orElse(null);
        String indicator = targetId == null ? null : indicatorName(targetId).orElse(null);
        String label = ACCOUNTABILITY.getOrDefault(kind, kind);
        String link = taskId != null ? link("/tasks/" + taskId)
                : targetId != null ? link("/targets/" + targetId) : link("/accountability-records/" + id);
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        recipients.put(unit, NotifyParty.LEAD);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountabilityId", id);
        facts.put("accountabilityKind", kind);
        facts.put("reason", text(p, "reason"));
        facts.put("orgUnitCode", unit);
        String title = label + (taskTitle != null ? "：" + taskTitle : indicator != null ? "：" + indicator : "");
        return new Notice(ReminderKind.ACCOUNTABILITY_RECORDED, eventKey, day, SubjectType.ACCOUNTABILITY, id, taskId,
                targetId, title, recipients, unit, unit, null, link, facts, taskTitle, indicator, null, null, label,
                text(p, "reason"), null, List.of(), null);
    }

    private Notice reassignment(String type, JsonNode p, String eventKey, LocalDate day, PolicyBook book) {
        long taskId = required(p, "taskId").asLong();
        String orgUnit = required(p, "orgUnitCode").asText();
        String from = required(p, "fromUnitCode").asText();
        String status = required(p, "status").asText();
        Optional<TaskFacts> task = task(taskId);
        String title = Optional.ofNullable(text(p, "taskTitle")).orElseGet(() -> task.map(TaskFacts::title).orElse(""));
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        ReminderKind kind;
        String other;
        String reason;
        String decision = null;
        if (REASSIGNMENT_REQUESTED.equals(type)) {
            kind = ReminderKind.REASSIGNMENT_REQUESTED;
            String unitType = book.unit(orgUnit).map(PolicyBook.OrgNode::type).orElse("DISTRICT");
            recipients.put(orgUnit, "CITY".equals(unitType) ? NotifyParty.CITY : NotifyParty.DISTRICT);
            other = text(p, "suggestedUnitCode");
            reason = text(p, "reason");
        } else {
            kind = ReminderKind.REASSIGNMENT_DECIDED;
            recipients.put(from, NotifyParty.LEAD);
            other = "GRANTED".equals(status) ? text(p, "newLeadUnitCode") : null;
            if (other != null) {
                recipients.putIfAbsent(other, NotifyParty.LEAD);
            }
            decision = "GRANTED".equals(status) ? "同意" : "不同意";
            reason = text(p, "decisionReason");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reassignmentId", required(p, "id").asLong());
        facts.put("status", status);
        facts.put("fromUnitCode", from);
        facts.put(REASSIGNMENT_REQUESTED.equals(type) ? "suggestedUnitCode" : "newLeadUnitCode", other);
        facts.put("reason", reason);
        return new Notice(kind, eventKey, day, SubjectType.TASK, taskId, taskId, null, title, recipients, from, orgUnit,
                task.map(TaskFacts::leader).orElse(null), link("/tasks/" + taskId), facts, title, null, null, decision,
                null, reason, null, List.of(), other);
    }

    /** One notice per department assessed: its own total and rank. */
    private List<Notice> assessmentPublished(JsonNode p, String eventKey, LocalDate day) {
        String orgUnit = required(p, "orgUnitCode").asText();
        int year = required(p, "year").asInt();
        String period = required(p, "period").asText();
        String link = link("/assessments?orgUnit=" + orgUnit + "&year=" + year + "&period=" + period);
        int count = p.path("standings").size();
        List<Notice> notices = new ArrayList<>();
        for (JsonNode standing : p.path("standings")) {
            String unit = required(standing, "orgUnitCode").asText();
            String total = required(standing, "total").asText();
            int rank = required(standing, "rank").asInt();
            Map<String, NotifyParty> recipients = new LinkedHashMap<>();
            recipients.put(unit, NotifyParty.LEAD);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("orgUnitCode", orgUnit);
            facts.put("year", year);
            facts.put("period", period);
            facts.put("total", total);
            facts.put("rank", rank);
            facts.put("departments", count);
            notices.add(new Notice(ReminderKind.ASSESSMENT_PUBLISHED, eventKey, day, SubjectType.ASSESSMENT, year, null,
                    null, "考核结果 " + period, recipients, unit, orgUnit, null, link, facts, null, null, period, null,
                    null, "得分 " + total + "，排名第 " + rank + "（共 " + count + " 个部门）", null, List.of(), orgUnit));
        }
        return notices;
    }

    private Notice appeal(String type, JsonNode p, String eventKey, LocalDate day, PolicyBook book) {
        long id = required(p, "id").asLong();
        String orgUnit = required(p, "orgUnitCode").asText();
        String unit = required(p, "unitCode").asText();
        String period = required(p, "period").asText();
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        ReminderKind kind;
        String reason;
        String decision = null;
        if (APPEAL_FILED.equals(type)) {
            kind = ReminderKind.APPEAL_FILED;
            String unitType = book.unit(orgUnit).map(PolicyBook.OrgNode::type).orElse("DISTRICT");
            recipients.put(orgUnit, "CITY".equals(unitType) ? NotifyParty.CITY : NotifyParty.DISTRICT);
            reason = text(p, "reason");
        } else {
            kind = ReminderKind.APPEAL_DECIDED;
            recipients.put(unit, NotifyParty.LEAD);
            decision = "ACCEPTED".equals(text(p, "status")) ? "采纳" : "驳回";
            reason = text(p, "decisionReason");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("appealId", id);
        facts.put("lineId", text(p, "lineId"));
        facts.put("period", period);
        facts.put("status", text(p, "status"));
        facts.put("unitCode", unit);
        facts.put("reason", reason);
        facts.put("correctedPoints", text(p, "correctedPoints"));
        return new Notice(kind, eventKey, day, SubjectType.ASSESSMENT, id, null, null, "考核申诉 " + period, recipients,
                unit, orgUnit, null, link("/assessments?orgUnit=" + orgUnit + "&year=" + required(p, "year").asInt()
                + "&period=" + period), facts, null, text(p, "lineRule"), period, decision, null, reason, null,
                List.of(), unit);
    }

    /**
     * A document issued for a unit reaches that unit: a district's or a city's supervision office
     * (which issued it), or a department a document is made for. Its e-mails fetch and attach the
     * file; every channel gets the summary and the link to the document in the console.
     */
    private Notice reportIssued(JsonNode p, String eventKey, LocalDate day, PolicyBook book) {
        IssuedDocument document = IssuedDocument.of(p);
        String unit = document.orgUnitCode();
        String unitType = book.unit(unit).map(PolicyBook.OrgNode::type).orElse("DISTRICT");
        NotifyParty party = switch (unitType) {
            case "CITY" -> NotifyParty.CITY;
            case "DEPARTMENT" -> NotifyParty.LEAD;
            default -> NotifyParty.DISTRICT;
        };
        Map<String, NotifyParty> recipients = new LinkedHashMap<>();
        recipients.put(unit, party);
        String consolePath = document.consolePath().startsWith("/") ? document.consolePath()
                : "/" + document.consolePath();
        return new Notice(ReminderKind.REPORT_ISSUED, eventKey, day, SubjectType.DOCUMENT, document.id(), null, null,
                document.title(), recipients, unit, unit, null, link(consolePath), document.facts(), null, null,
                document.period(), null, null, null, null, List.of(), null, document);
    }

    /** The supervision office a task's unit answers to: its district's, or its city's where it has no district. */
    private static Optional<Map.Entry<String, NotifyParty>> office(PolicyBook book, String orgUnit) {
        return book.ancestorOfType(orgUnit, "DISTRICT").map(d -> Map.entry(d.code(), NotifyParty.DISTRICT))
                .or(() -> book.ancestorOfType(orgUnit, "CITY").map(c -> Map.entry(c.code(), NotifyParty.CITY)));
    }

    private Optional<TaskFacts> task(long taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select title, org_unit_code, lead_unit_code, array_to_string(co_unit_codes, ','), responsible_leader
                          from task_projection where id = ?1""")
                .setParameter(1, taskId).getResultList();
        return rows.stream().findFirst().map(r -> new TaskFacts((String) r[0], (String) r[1], (String) r[2],
                r[3] == null || ((String) r[3]).isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(((String) r[3]).split(","))),
                (String) r[4]));
    }

    private Optional<String> indicatorName(long targetId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select indicator_name from target_projection where id = ?1")
                .setParameter(1, targetId).getResultList();
        return names.stream().findFirst();
    }

    private String link(String path) {
        return config.publicBaseUrl().replaceAll("/+$", "") + path;
    }

}
