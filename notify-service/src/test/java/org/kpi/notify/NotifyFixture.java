package org.kpi.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.common.events.FeedConsumer;
import org.kpi.common.events.FeedEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds notify-service's handlers the events task-service and target-service would publish, through
 * the same dispatch the feed consumer uses; every tree it builds has fresh codes.
 */
@ApplicationScoped
public class NotifyFixture {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    @Inject
    FeedConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** A city, a district under it, and a lead and a co department under the district. */
    public record Tree(String city, String district, String lead, String co) {
    }

    public Tree tree() {
        String suffix = Long.toString(IDS.incrementAndGet(), 36).toUpperCase();
        Tree tree = new Tree("C" + suffix, "D" + suffix, "D" + suffix + "-L", "D" + suffix + "-K");
        orgUnit(tree.city(), "烟台市" + suffix, "CITY", null);
        orgUnit(tree.district(), "芝罘区" + suffix, "DISTRICT", tree.city());
        orgUnit(tree.lead(), "发展和改革局" + suffix, "DEPARTMENT", tree.district());
        orgUnit(tree.co(), "统计局" + suffix, "DEPARTMENT", tree.district());
        return tree;
    }

    public long nextId() {
        return IDS.incrementAndGet();
    }

    public void orgUnit(String code, String name, String type, String parent) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("name", name);
        payload.put("type", type);
        payload.put("parentCode", parent);
        payload.put("version", 1);
        payload.put("createdAt", OffsetDateTime.now().toString());
        payload.put("updatedAt", OffsetDateTime.now().toString());
        publish("org-unit.upserted", code, payload);
    }

    /** A task as task-service publishes it in {@code task.upserted}, handed to the handlers. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> task(long id, Tree tree, String status, LocalDate due, String cadence, long version,
                                    Map<String, Object>... milestones) {
        Map<String, Object> task = taskPayload(id, tree, status, due, cadence, version, milestones);
        publish("task.upserted", Long.toString(id), task);
        return task;
    }

    /** The payload of a {@code task.upserted} event. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> taskPayload(long id, Tree tree, String status, LocalDate due, String cadence,
                                           long version, Map<String, Object>... milestones) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", id);
        task.put("title", "推进重点项目建设" + id);
        task.put("orgUnitCode", tree.district());
        task.put("leadUnitCode", tree.lead());
        task.put("coUnitCodes", List.of(tree.co()));
        task.put("responsibleLeader", "张副区长");
        task.put("startDate", "2026-01-01");
        task.put("dueDate", due.toString());
        task.put("nextDueDate", due.toString());
        task.put("reportingCadence", cadence);
        task.put("status", status);
        task.put("milestones", new ArrayList<>(List.of(milestones)));
        task.put("version", version);
        task.put("updatedAt", OffsetDateTime.now().toString());
        return task;
    }

    public Map<String, Object> milestone(long id, String title, LocalDate due, boolean completed) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("id", id);
        milestone.put("title", title);
        milestone.put("dueDate", due.toString());
        milestone.put("completed", completed);
        milestone.put("completedAt", completed ? OffsetDateTime.now().toString() : null);
        return milestone;
    }

    public void report(long taskId, String unit, LocalDate on) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportId", nextId());
        report.put("taskId", taskId);
        report.put("unitCode", unit);
        report.put("role", "LEAD");
        report.put("reportedOn", on.toString());
        report.put("reportedAt", on.atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        publish("progress-report.filed", Long.toString(taskId), report);
    }

    public void target(long id, Tree tree, String frequency, int dueDay, int year) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", id);
        target.put("indicatorCode", "GDP" + id);
        target.put("indicatorName", "地区生产总值增速");
        target.put("unit", "%");
        target.put("frequency", frequency);
        target.put("actualsDueDay", dueDay);
        target.put("orgUnitCode", tree.district());
        target.put("year", year);
        target.put("responsibleUnitCode", tree.lead());
        target.put("version", 1);
        publish("target.upserted", Long.toString(id), target);
    }

    public void actual(long targetId, String period, String status) {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("id", nextId());
        actual.put("targetId", targetId);
        actual.put("period", period);
        actual.put("status", status);
        publish("actual." + status.toLowerCase(), Long.toString(targetId), actual);
    }

    /**
     * The payload of {@code supervision-order.issued} as task-service publishes it
     * ({@code SupervisionOrderIssued}), for an order on {@code task} built by {@link #taskPayload}.
     */
    public Map<String, Object> orderIssued(long orderId, long task, Tree tree, String level, String reason,
                                           LocalDate respondBy) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", orderId);
        order.put("taskId", task);
        order.put("taskTitle", "推进重点项目建设" + task);
        order.put("orgUnitCode", tree.district());
        order.put("leadUnitCode", tree.lead());
        order.put("level", level);
        order.put("reason", reason);
        order.put("respondBy", respondBy.toString());
        order.put("issuedBy", "supervisor-" + tree.district());
        order.put("issuedAt", OffsetDateTime.now(clock).toString());
        return order;
    }

    /** The payload of {@code supervision-order.responded} ({@code SupervisionOrderResponded}). */
    public Map<String, Object> orderResponded(long orderId, long task, Tree tree) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", orderId);
        response.put("taskId", task);
        response.put("leadUnitCode", tree.lead());
        response.put("respondedAt", OffsetDateTime.now(clock).toString());
        return response;
    }

    /**
     * The payload of {@code task.closure-requested}, {@code task.returned} and {@code task.closed}
     * ({@code TaskTransitionEvent}): the status the task moved to and the summary or reason.
     */
    public Map<String, Object> transition(long task, Tree tree, String status, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("taskId", task);
        event.put("title", "推进重点项目建设" + task);
        event.put("orgUnitCode", tree.district());
        event.put("leadUnitCode", tree.lead());
        event.put("status", status);
        event.put("text", text);
        event.put("actor", "user-" + tree.district());
        event.put("at", OffsetDateTime.now(clock).toString());
        return event;
    }

    /** The payload of {@code actual.returned} as target-service publishes it ({@code ActualView}). */
    public Map<String, Object> actualReturned(long actualId, long target, Tree tree, String period, String reason) {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("id", actualId);
        actual.put("targetId", target);
        actual.put("indicatorCode", "GDP" + target);
        actual.put("orgUnitCode", tree.district());
        actual.put("responsibleUnitCode", tree.lead());
        actual.put("period", period);
        actual.put("value", 6.1);
        actual.put("note", null);
        actual.put("status", "RETURNED");
        actual.put("revision", 1);
        actual.put("submittedBy", "user-" + tree.lead());
        actual.put("submittedAt", OffsetDateTime.now(clock).minusDays(1).toString());
        actual.put("decidedBy", "supervisor-" + tree.district());
        actual.put("decidedAt", OffsetDateTime.now(clock).toString());
        actual.put("returnReason", reason);
        actual.put("restatementReason", null);
        actual.put("version", 2);
        return actual;
    }

    /** The payload of {@code accountability.recorded} ({@code AccountabilityView}). */
    public Map<String, Object> accountability(long id, String unit, String kind, String reason, Long task, Long target) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("orgUnitCode", unit);
        record.put("kind", kind);
        record.put("reason", reason);
        record.put("taskId", task);
        record.put("targetId", target);
        record.put("recordedBy", "supervisor");
        record.put("recordedAt", OffsetDateTime.now(clock).toString());
        return record;
    }

    /** A feed event as a producer serves it: a fresh {@code seq}, occurred at the clock's now. */
    public FeedEvent event(String type, String key, Object payload) {
        return new FeedEvent(nextId(), type, OffsetDateTime.now(clock), key, mapper.valueToTree(payload));
    }

    /** Hands one event to the handlers in its own transaction, as the consumer applies a page. */
    public void deliver(FeedEvent event) {
        QuarkusTransaction.requiringNew().run(() -> consumer.dispatch(event));
    }

    public void publish(String type, String key, Object payload) {
        FeedEvent event = new FeedEvent(0, type, OffsetDateTime.now(), key, mapper.valueToTree(payload));
        QuarkusTransaction.requiringNew().run(() -> consumer.dispatch(event));
    }
}
