package org.kpi.task;

import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kpi.common.events.FeedConsumer;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds a small org tree for one test — a city, two districts, departments — by publishing
 * {@code org-unit.upserted} events to the stubbed target-service feed and draining it, as the
 * replica would in production. Codes are unique per call.
 */
@ApplicationScoped
public class OrgFixture {

    /** A city with two districts: A has departments A1, A2, A3; B has B1. */
    public record Tree(String city, String districtA, String a1, String a2, String a3, String districtB,
                       String b1) {
    }

    private static long lastSeq;
    private static long lastTargetId;

    @Inject
    FeedConsumer consumer;

    @ConfigProperty(name = "feed-stub.url")
    String stubUrl;

    public Tree tree() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Tree tree = new Tree("C" + id, "DA" + id, "DA" + id + "-FGJ", "DA" + id + "-GXJ", "DA" + id + "-SWJ",
                "DB" + id, "DB" + id + "-FGJ");
        publish(tree.city(), "测试市", "CITY", null);
        publish(tree.districtA(), "甲区", "DISTRICT", tree.city());
        publish(tree.a1(), "甲区发展和改革局", "DEPARTMENT", tree.districtA());
        publish(tree.a2(), "甲区工业和信息化局", "DEPARTMENT", tree.districtA());
        publish(tree.a3(), "甲区商务局", "DEPARTMENT", tree.districtA());
        publish(tree.districtB(), "乙区", "DISTRICT", tree.city());
        publish(tree.b1(), "乙区发展和改革局", "DEPARTMENT", tree.districtB());
        consumer.drain("target");
        return tree;
    }

    /**
     * Publishes a {@code target.upserted} event for a new target of {@code org} that
     * {@code responsible} answers for, as target-service would, and drains the feed; returns its id.
     */
    public long target(String org, String responsible) {
        long id = nextTargetId();
        publishEvent("target.upserted", Long.toString(id), "{\"id\":" + id + ",\"indicatorCode\":\"GDP\","
                + "\"indicatorName\":\"地区生产总值增速\",\"unit\":\"%\",\"frequency\":\"MONTHLY\",\"actualsDueDay\":15,"
                + "\"orgUnitCode\":\"" + org + "\",\"year\":2026,\"committedValue\":6.5,\"stretchValue\":null,"
                + "\"responsibleUnitCode\":\"" + responsible + "\",\"plan\":[],\"colour\":\"BLUE\",\"version\":0}");
        consumer.drain("target");
        return id;
    }

    private static synchronized long nextTargetId() {
        lastTargetId = Math.max(lastTargetId + 1, System.currentTimeMillis());
        return lastTargetId;
    }

    private void publish(String code, String name, String type, String parent) {
        String now = Instant.now().toString();
        publishEvent("org-unit.upserted", code, "{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"type\":\"" + type + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"version\":0,\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\"}");
    }

    /** Publishes one org unit with a code of the caller's choosing (drain to apply it). */
    public void unit(String code, String name, String type, String parent) {
        publish(code, name, type, parent);
    }

    /** Applies what was published on the stubbed feed. */
    public void drain() {
        consumer.drain("target");
    }

    /** Puts one event on the stubbed feed, after every event published before. */
    public synchronized void publishEvent(String type, String key, String payload) {
        long seq = Math.max(Math.max(lastSeq + 1, consumer.cursor("target") + 1), System.currentTimeMillis() * 1000);
        lastSeq = seq;
        String event = "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"key\":\"" + key + "\",\"payload\":" + payload + "}";
        RestAssured.given().contentType("application/json; charset=UTF-8").body(event)
                .post(stubUrl + "/control/events?seq=" + seq).then().statusCode(204);
    }
}
