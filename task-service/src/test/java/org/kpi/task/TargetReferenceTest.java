package org.kpi.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.kpi.common.events.FeedEvent;
import org.kpi.common.events.UnusableEvent;
import org.kpi.task.targets.TargetCopy;
import org.kpi.task.targets.TargetReplicator;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.Feeds;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A task or an accountability record may name only a target its author may see, judged on the
 * local copy of target-service's targets; an unknown target and an invisible one are refused alike.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TargetReferenceTest {

    @Inject
    OrgFixture orgs;

    @Inject
    TargetReplicator replicator;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    static String taskWithTarget(OrgFixture.Tree tree, String targetId) {
        return TaskApi.body(tree, "关联目标的任务", "2026-12-31", "2026-08-31")
                .replace("\"milestones\"", "\"targetId\":" + targetId + ",\"milestones\"");
    }

    static ExtractableResponse<Response> createTask(OrgFixture.Tree tree, String targetId) {
        return TestTokens.as("supervisor", tree.districtA()).body(taskWithTarget(tree, targetId))
                .post("/api/v1/tasks").then().extract();
    }

    static ExtractableResponse<Response> record(OrgFixture.Tree tree, String targetId) {
        return TestTokens.as("supervisor", tree.districtA())
                .body("{\"orgUnitCode\":\"" + tree.a1() + "\",\"kind\":\"TALK\",\"reason\":\"目标滞后\","
                        + "\"targetId\":" + targetId + "}")
                .post("/api/v1/accountability-records").then().extract();
    }

    /** Status, media type and field errors, with the target id itself replaced. */
    static List<Object> answer(ExtractableResponse<Response> response, String targetId) {
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        return List.of(response.statusCode(), response.contentType(),
                errors.stream().map(e -> e.get("field") + ": " + e.get("message").replace(targetId, "X")).toList());
    }

    @Test
    void aTaskMayNameATargetItsAuthorSees() {
        OrgFixture.Tree tree = orgs.tree();
        long own = orgs.target(tree.districtA(), tree.a1());
        long cityTargetAnsweredInA = orgs.target(tree.city(), tree.a2());
        ExtractableResponse<Response> created = createTask(tree, Long.toString(own));
        assertEquals(201, created.statusCode());
        assertEquals(Long.toString(own), created.jsonPath().getString("targetId"));
        assertEquals(201, createTask(tree, Long.toString(cityTargetAnsweredInA)).statusCode());
    }

    @Test
    void aTaskNamingAnInvisibleOrUnknownTargetIsRefusedAlike() {
        OrgFixture.Tree tree = orgs.tree();
        String otherDistricts = Long.toString(orgs.target(tree.districtB(), tree.b1()));
        String unknown = Long.toString(orgs.target(tree.districtA(), tree.a1()) + 1_000_000_000L);
        ExtractableResponse<Response> invisible = createTask(tree, otherDistricts);
        ExtractableResponse<Response> missing = createTask(tree, unknown);
        assertEquals(400, invisible.statusCode());
        assertEquals(List.of("targetId: 目标 X 不存在或不在本人辖区内"), answer(invisible, otherDistricts).get(2));
        assertEquals(answer(invisible, otherDistricts), answer(missing, unknown));
    }

    @Test
    void aTaskCannotBeRelinkedToAnInvisibleTarget() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "改关联目标");
        String otherDistricts = Long.toString(orgs.target(tree.districtB(), tree.b1()));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"targetId\":" + otherDistricts + "}").patch("/api/v1/tasks/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("targetId"));
        String own = Long.toString(orgs.target(tree.districtA(), tree.a1()));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"targetId\":" + own + "}").patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("targetId", hasToString(own));
    }

    @Test
    void aTaskIsUnlinkedFromItsTargetWithZero() {
        OrgFixture.Tree tree = orgs.tree();
        long id = TaskApi.create(tree, "取消关联目标");
        long own = orgs.target(tree.districtA(), tree.a1());
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"0\"")
                .body("{\"targetId\":" + own + "}").patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("targetId", hasToString(Long.toString(own)));
        TestTokens.as("supervisor", tree.districtA()).header("If-Match", "\"1\"")
                .body("{\"targetId\":0}").patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("targetId", nullValue());
    }

    @Test
    void anAccountabilityRecordMayNameOnlyAVisibleTarget() {
        OrgFixture.Tree tree = orgs.tree();
        String own = Long.toString(orgs.target(tree.districtA(), tree.a1()));
        String otherDistricts = Long.toString(orgs.target(tree.districtB(), tree.b1()));
        String unknown = Long.toString(Long.parseLong(own) + 1_000_000_000L);
        assertEquals(201, record(tree, own).statusCode());
        ExtractableResponse<Response> invisible = record(tree, otherDistricts);
        assertEquals(400, invisible.statusCode());
        assertEquals(answer(invisible, otherDistricts), answer(record(tree, unknown), unknown));
    }

    @Test
    void aTargetCopyOnlyMovesForwardInVersion() throws Exception {
        OrgFixture.Tree tree = orgs.tree();
        long id = orgs.target(tree.districtA(), tree.a1());
        apply(id, tree.districtA(), tree.a2(), 2);
        apply(id, tree.districtA(), tree.a3(), 1);
        TargetCopy copy = QuarkusTransaction.requiringNew().call(() -> em.find(TargetCopy.class, id));
        assertEquals(tree.a2(), copy.responsibleUnitCode);
        assertEquals(2, copy.version);
    }

    @Test
    void aTargetEventWithoutItsUnitsIsUnusableNotANullPointer() throws Exception {
        FeedEvent event = new FeedEvent(1, TargetReplicator.TARGET_UPSERTED, OffsetDateTime.now(), "7",
                mapper.readTree("{\"id\":7,\"indicatorCode\":\"GDP\",\"year\":2026,\"version\":0}"));
        assertThrows(UnusableEvent.class, () -> QuarkusTransaction.requiringNew().run(() -> replicator.apply(event)));
        FeedEvent noPayload = new FeedEvent(2, TargetReplicator.TARGET_UPSERTED, OffsetDateTime.now(), "8", null);
        assertThrows(UnusableEvent.class, () -> QuarkusTransaction.requiringNew().run(() -> replicator.apply(noPayload)));
        FeedEvent badId = new FeedEvent(3, TargetReplicator.TARGET_UPSERTED, OffsetDateTime.now(), "x",
                mapper.readTree("{\"id\":\"x\",\"indicatorCode\":\"GDP\",\"orgUnitCode\":\"A\","
                        + "\"responsibleUnitCode\":\"A\",\"year\":2026,\"version\":0}"));
        assertThrows(UnusableEvent.class, () -> QuarkusTransaction.requiringNew().run(() -> replicator.apply(badId)));
    }

    private void apply(long id, String org, String responsible, long version) throws Exception {
        FeedEvent event = new FeedEvent(1, TargetReplicator.TARGET_UPSERTED, OffsetDateTime.now(), Long.toString(id),
                mapper.readTree("{\"id\":" + id + ",\"indicatorCode\":\"GDP\",\"orgUnitCode\":\"" + org
                        + "\",\"responsibleUnitCode\":\"" + responsible + "\",\"year\":2026,\"version\":" + version + "}"));
        QuarkusTransaction.requiringNew().run(() -> replicator.apply(event));
    }

    /**
     * What target-service reads to propose the target's actual (一次填报，多处复用): a report on a
     * linked task carries the target, the quantity reached, the unit's role, the day and the author.
     */
    @Test
    void aReportOnALinkedTaskCarriesTheTargetAndTheQuantityReachedOnTheFeed() {
        OrgFixture.Tree tree = orgs.tree();
        long target = orgs.target(tree.districtA(), tree.a1());
        long task = createTask(tree, Long.toString(target)).jsonPath().getLong("id");
        TaskApi.assign(tree, task);
        long after = Feeds.endSeq();
        TestTokens.as("department", tree.a1())
                .body("{\"text\":\"新开工项目 35 个\",\"percentDone\":30,\"quantityReached\":35}")
                .post("/api/v1/tasks/" + task + "/progress-reports").then().statusCode(201);
        TestTokens.as("department", tree.a2()).body("{\"text\":\"配合推进\"}")
                .post("/api/v1/tasks/" + task + "/progress-reports").then().statusCode(201);
        List<Map<String, Object>> filed = TestTokens.as("service", "platform")
                .get("/api/v1/events?after=" + after + "&limit=500").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(e -> "progress-report.filed".equals(e.get("type")) && String.valueOf(task).equals(e.get("key")))
                .map(e -> (Map<String, Object>) e.get("payload"))
                .toList();
        assertEquals(2, filed.size());
        Map<String, Object> lead = filed.get(0);
        assertEquals("LEAD", lead.get("role"));
        assertEquals(target, ((Number) lead.get("targetId")).longValue());
        assertEquals(35, ((Number) lead.get("quantityReached")).intValue());
        assertEquals("个", lead.get("quantityUnit"), "the task's quantity unit, which the target's must match");
        assertEquals("department@" + tree.a1(), lead.get("reportedBy"));
        assertEquals(tree.a1(), lead.get("unitCode"));
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), lead.get("reportedOn"));
        Map<String, Object> co = filed.get(1);
        assertEquals("CO", co.get("role"));
        assertEquals(null, co.get("quantityReached"));
    }
}
