package org.kpi.goals.assessment;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.kpi.common.events.FeedConsumer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts events on the stubbed task-service feed, shaped as task-service publishes them, and
 * applies them: what assessment learns of tasks, orders, accountability records and ratings.
 */
public final class TaskFeed {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final FeedConsumer consumer;

    public TaskFeed(FeedConsumer consumer) {
        this.consumer = consumer;
    }

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /** Ten in the morning of {@code day}, Shanghai time, as task-service writes timestamps. */
    public static String at(LocalDate day) {
        return OffsetDateTime.of(day.atTime(10, 0), SHANGHAI.getRules().getOffset(day.atTime(10, 0))).toString();
    }

    void task(long id, String org, String lead, String title, String status, LocalDate due, long version) {
        publish("task.upserted", id, "{\"id\":" + id + ",\"title\":\"" + title + "\",\"orgUnitCode\":\"" + org
                + "\",\"leadUnitCode\":\"" + lead + "\",\"coUnitCodes\":[],\"status\":\"" + status + "\",\"dueDate\":\""
                + due + "\",\"nextDueDate\":\"" + due + "\",\"milestones\":[],\"version\":" + version + "}");
    }

    /** The task closed on {@code on} with {@code rating} (or none): its upsert, then task.closed, as task-service does. */
    void closed(long id, String org, String lead, String title, LocalDate due, LocalDate on, String rating,
                long version) {
        task(id, org, lead, title, "CLOSED", due, version);
        publish("task.closed", id, transition(id, org, lead, title, "CLOSED", on, rating));
    }

    /** Only a task.closed event, as a replay of an earlier one would bring it. */
    void closedEventOnly(long id, String org, String lead, String title, LocalDate on, String rating) {
        publish("task.closed", id, transition(id, org, lead, title, "CLOSED", on, rating));
    }

    void returned(long id, String org, String lead, String title, LocalDate on, String rating) {
        publish("task.returned", id, transition(id, org, lead, title, "IN_PROGRESS", on, rating));
    }

    private static String transition(long id, String org, String lead, String title, String status, LocalDate on,
                                     String rating) {
        return "{\"taskId\":" + id + ",\"title\":\"" + title + "\",\"orgUnitCode\":\"" + org + "\",\"leadUnitCode\":\""
                + lead + "\",\"status\":\"" + status + "\",\"text\":\"说明\",\"actor\":\"supervisor@" + org
                + "\",\"at\":\"" + at(on) + "\",\"rating\":" + (rating == null ? "null" : "\"" + rating + "\"")
                + ",\"ratingComment\":null}";
    }

    public void order(long id, long task, String org, String lead, String title, String level, LocalDate issued,
               LocalDate respondBy) {
        publish("supervision-order.issued", task, "{\"id\":" + id + ",\"taskId\":" + task + ",\"taskTitle\":\"" + title
                + "\",\"orgUnitCode\":\"" + org + "\",\"leadUnitCode\":\"" + lead + "\",\"level\":\"" + level
                + "\",\"reason\":\"请加快\",\"respondBy\":\"" + respondBy + "\",\"issuedBy\":\"supervisor@" + org
                + "\",\"issuedAt\":\"" + at(issued) + "\"}");
    }

    public void responded(long id, long task, String lead, LocalDate on) {
        publish("supervision-order.responded", task, "{\"id\":" + id + ",\"taskId\":" + task + ",\"leadUnitCode\":\""
                + lead + "\",\"respondedAt\":\"" + at(on) + "\"}");
    }

    void accountability(long id, String unit, String kind, String reason, LocalDate on) {
        publish("accountability.recorded", id, "{\"id\":" + id + ",\"orgUnitCode\":\"" + unit + "\",\"kind\":\"" + kind
                + "\",\"reason\":\"" + reason + "\",\"taskId\":null,\"targetId\":null,\"recordedBy\":\"s\","
                + "\"recordedAt\":\"" + at(on) + "\"}");
    }

    /** Puts one event on the stub feed, as task-service would publish it, and applies it. */
    public void publish(String type, long key, String payload) {
        long seq = SEQ.incrementAndGet();
        RestAssured.given().contentType("application/json; charset=UTF-8")
                .body("{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"occurredAt\":\"" + OffsetDateTime.now()
                        + "\",\"key\":\"" + key + "\",\"payload\":" + payload + "}")
                .post(ConfigProvider.getConfig().getValue("feed-stub.url", String.class) + "/control/events?seq=" + seq)
                .then().statusCode(204);
        consumer.drain("task");
    }
}
