package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two copies of each service on one database, as {@code ./kpi up --replicas 2} runs them (and as
 * Kubernetes runs two replicas): the packaged applications, the production profile, their
 * scheduled jobs running in both copies (the intervals shortened so the test need not wait a
 * minute). Writes go through both copies; the effects are counted where a duplicate would show —
 * the local mailbox, the reminders and deliveries, the outbox — and each event has exactly one.
 * <ul>
 *   <li>feeds: both notify-service copies poll task-service's feed; an order issued makes one
 *       notice per recipient unit, one mail per notice;</li>
 *   <li>reminders: both copies sweep and both deliver; a task due tomorrow gets one reminder per
 *       unit and one mail each, however often the sweeps and workers run;</li>
 *   <li>colour refresh: both target-service copies fire the daily run every two seconds; a day's
 *       run recolours each stale target once and publishes one {@code target.status-changed}.</li>
 * </ul>
 * The data folder stays in {@code target/replicas-test} so the services' logs can be read after a
 * failure. The test needs the services packaged (the reactor packages them before this module)
 * and ports 8081–8083, 8181–8183, 9081–9083 and 9181–9183 free ({@code ./kpi down} first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String DISTRICT = DemoData.DISTRICT;
    private static final String LEAD = DISTRICT + "-FGJ";
    private static final String CO = DISTRICT + "-GXJ";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(90);
    /** How long the test keeps watching after the effects arrived: several sweeps, deliveries and polls of both copies. */
    private static final Duration SETTLE = Duration.ofSeconds(8);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Layout layout;
    private Platform platform;
    private TokenMinter minter;

    @BeforeAll
    void startTwoCopiesOfEachService() throws Exception {
        for (Service service : Service.APIS) {
            assertTrue(Files.exists(service.runnerJar(ROOT)), service.module
                    + " is not packaged: run ./mvnw package (the reactor builds the services before this module)");
        }
        Path data = ROOT.resolve("deploy/launcher/target/replicas-test");
        deleteTree(data);
        layout = new Layout(ROOT, data);
        platform = new Platform(layout, freePort());
        platform.replicas(2);
        platform.environment(Map.of(
                "KPI_JOBS_START_DELAY", "1s",
                "KPI_NOTIFY_SWEEP_INTERVAL", "2s",
                "KPI_NOTIFY_DELIVERY_INTERVAL", "1s",
                "KPI_COLOUR_REFRESH_CRON", "0/2 * * * * ?"));
        platform.startAll();
        assertEquals(6, platform.instanceProcesses().size(), "two copies of each of the three services");
        minter = new TokenMinter(new KeyPairFiles(layout.data()).loadPrivateKey());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.stopAll();
        }
    }

    @Test
    void anOrderIssuedThroughOneCopyIsNoticedOnceAndAReminderIsSentOnceByTwoSweepersAndTwoWorkers() throws Exception {
        String supervisor = minter.mint("supervisor", DISTRICT, "replica-test@" + DISTRICT, "督查室（副本测试）",
                Duration.ofMinutes(30));
        // no quiet hours, so that the mail goes out whatever the time of the run; a ladder with a step tomorrow's task is on
        ObjectNode policy = mapper.createObjectNode();
        policy.putArray("steps")
                .add(step(-1, "NOTICE", "LEAD", "CO"))
                .add(step(1, "URGE", "LEAD"));
        policy.putNull("quietHours");
        policy.put("digest", false);
        call("PUT", copy(Service.NOTIFY, 2), "/api/v1/reminder-policies/" + DISTRICT, supervisor, policy, null, 200);

        LocalDate today = LocalDate.now(SHANGHAI);
        ObjectNode create = mapper.createObjectNode()
                .put("title", "副本一致性检查 " + System.nanoTime())
                .put("orgUnitCode", DISTRICT)
                .put("leadUnitCode", LEAD)
                .put("startDate", today.minusDays(10).toString())
                .put("dueDate", today.plusDays(1).toString());
        create.putArray("coUnitCodes").add(CO);
        JsonNode task = call("POST", copy(Service.TASK, 2), "/api/v1/tasks", supervisor, create, null, 201);
        long taskId = task.get("id").asLong();
        task = call("POST", copy(Service.TASK, 1), "/api/v1/tasks/" + taskId + "/assign", supervisor, null,
                "\"" + task.get("version").asLong() + "\"", 200);
        ObjectNode order = mapper.createObjectNode().put("level", "SUPERVISE").put("reason", "副本测试：请加快推进")
                .put("respondBy", today.plusDays(3).toString());
        call("POST", copy(Service.TASK, 2), "/api/v1/tasks/" + taskId + "/supervision-orders", supervisor, order, null,
                201);

        // the reminder of step -1 to the lead and co-unit; the order's notice to the lead and the district's office
        Map<String, List<String>> expected = Map.of(
                "NOTICE", Stream.of(LEAD, CO).sorted().toList(),
                "ORDER_ISSUED", Stream.of(LEAD, DISTRICT).sorted().toList());
        awaitUntil("the reminders and notices of task " + taskId + " mailed", () ->
                remindersByKind(taskId).equals(expected) && !emailsOf(taskId).isEmpty()
                        && emailsOf(taskId).values().stream().allMatch("SENT"::equals)
                        && emailsOf(taskId).size() == 4 && mailed(emailsOf(taskId).keySet()).size() == 4);
        Thread.sleep(SETTLE.toMillis());

        assertEquals(expected, remindersByKind(taskId), "one reminder per unit and step, one notice per unit");
        Map<String, String> emails = emailsOf(taskId);
        assertEquals(4, emails.size(), "one e-mail delivery per reminder: " + emails);
        Map<String, Integer> mailed = mailed(emails.keySet());
        assertEquals(4, mailed.size(), "every delivery reached the mailbox: " + mailed);
        mailed.forEach((key, count) -> assertEquals(1, count, "delivery " + key + " mailed once"));
        assertEquals(4, inboxMessagesOf(taskId), "one inbox message per reminder");
        List<String> twice = new ArrayList<>();
        allMailKeys().forEach((key, count) -> {
            if (count > 1) {
                twice.add(key + " ×" + count);
            }
        });
        assertEquals(List.of(), twice, "no mail in the whole mailbox arrived twice (the demo's included)");
    }

    @Test
    void bothConsumersOfAFeedEndAtItsHeadWithNothingParked() throws Exception {
        awaitUntil("every service's cursors at the heads of the feeds it reads", () ->
                cursor("kpi_notify", "task") == head("kpi_task") && cursor("kpi_notify", "target") == head("kpi_target")
                        && cursor("kpi_task", "target") == head("kpi_target")
                        && cursor("kpi_target", "task") == head("kpi_task"));
        for (String database : List.of("kpi_target", "kpi_task", "kpi_notify")) {
            assertEquals(0L, single(database, "select count(*) from feed_dead_letter"), "nothing parked in " + database);
        }
        // the demo's tasks came through both task-service copies' feed; notify's copy of them is complete
        assertEquals(single("kpi_task", "select count(*) from task"), single("kpi_notify",
                "select count(*) from task_projection"), "every task projected");
    }

    /**
     * Report once (一次填报，多处复用), through the real feeds and two copies of each service: the lead
     * unit's reports on a task linked to a target, filed through either task-service copy, become
     * one proposed actual of the period in target-service — read by both of its copies — which the
     * supervisor approves and the target's progress then counts.
     */
    @Test
    void reportsOnALinkedTaskProposeOneActualOfThePeriodThatApprovalCounts() throws Exception {
        LocalDate today = LocalDate.now(SHANGHAI);
        String admin = minter.mint("admin", DemoData.CITY, "replica-test-admin", "管理员（副本测试）", Duration.ofMinutes(30));
        String supervisor = minter.mint("supervisor", DISTRICT, "replica-test@" + DISTRICT, "督查室（副本测试）",
                Duration.ofMinutes(30));
        String lead = minter.mint("department", LEAD, "department@" + LEAD, "发改局（副本测试）", Duration.ofMinutes(30));
        String code = "RT" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        call("POST", copy(Service.TARGET, 1), "/api/v1/indicators", admin, mapper.createObjectNode()
                .put("code", code).put("name", "副本测试项目开工数").put("unit", "个").put("kind", "CUMULATIVE")
                .put("direction", "HIGHER_IS_BETTER").put("frequency", "MONTHLY").put("actualsDueDay", 15), null, 201);
        long targetId = call("POST", copy(Service.TARGET, 2), "/api/v1/targets", supervisor, mapper.createObjectNode()
                .put("indicatorCode", code).put("orgUnitCode", DISTRICT).put("year", today.getYear())
                .put("committedValue", 120).put("responsibleUnitCode", LEAD), null, 201).get("id").asLong();
        awaitUntil("target " + targetId + " copied to task-service", () ->
                single("kpi_task", "select count(*) from target_copy where id = ?", targetId) == 1);

        ObjectNode create = mapper.createObjectNode()
                .put("title", "副本测试：一次填报 " + System.nanoTime())
                .put("orgUnitCode", DISTRICT).put("leadUnitCode", LEAD)
                .put("dueDate", today.withDayOfYear(today.lengthOfYear()).toString())
                .put("targetId", targetId);
        create.putObject("quantity").put("value", 120).put("unit", "个");
        JsonNode task = call("POST", copy(Service.TASK, 1), "/api/v1/tasks", supervisor, create, null, 201);
        long taskId = task.get("id").asLong();
        call("POST", copy(Service.TASK, 2), "/api/v1/tasks/" + taskId + "/assign", supervisor, null,
                "\"" + task.get("version").asLong() + "\"", 200);
        call("POST", copy(Service.TASK, 2), "/api/v1/tasks/" + taskId + "/progress-reports", lead,
                mapper.createObjectNode().put("text", "已开工 40 个").put("quantityReached", 40), null, 201);
        long second = call("POST", copy(Service.TASK, 1), "/api/v1/tasks/" + taskId + "/progress-reports", lead,
                mapper.createObjectNode().put("text", "已开工 55 个").put("quantityReached", 55), null, 201)
                .get("id").asLong();

        awaitUntil("the second report's proposal on target " + targetId, () -> single("kpi_target",
                "select count(*) from actual where target_id = ? and status = 'SUBMITTED' and source_report_id = ?"
                        + " and value = 55", targetId, second) == 1);
        Thread.sleep(SETTLE.toMillis());
        assertEquals(1L, single("kpi_target", "select count(*) from actual where target_id = ?", targetId),
                "one proposed actual for the period, however many reports and consumers");
        long actualId = single("kpi_target", "select id from actual where target_id = ?", targetId);
        assertEquals(taskId, single("kpi_target", "select source_task_id from actual where id = ?", actualId));
        String period = text("kpi_target", "select period from actual where id = ?", actualId);
        assertEquals(today.toString().substring(0, 7), period, "the month the reports were filed in");

        JsonNode proposed = call("GET", copy(Service.TARGET, 2), "/api/v1/actuals/" + actualId, supervisor, null,
                null, 200);
        call("POST", copy(Service.TARGET, 1), "/api/v1/actuals/" + actualId + "/approve", supervisor, null,
                "\"" + proposed.get("version").asLong() + "\"", 200);
        JsonNode progress = call("GET", copy(Service.TARGET, 2), "/api/v1/targets/" + targetId + "/progress",
                supervisor, null, null, 200);
        assertEquals(55, progress.get("actual").asInt(), "the approved proposal counts towards the target");
        assertEquals(period, progress.get("latestPeriod").asText());
    }

    /**
     * Assessment (考核), through the real feeds and two copies of each service: a rulebook change
     * reaches the live preview; a publish through one copy freezes the period and notify-service
     * gives each department assessed one message with its own total and rank; an appeal filed
     * through either copy reaches the district's office once; an accepted and a rejected appeal
     * each reach the department that filed it once, and only the accepted one moves the score.
     * The year is one the demo has no facts in, so that every line is the test's own.
     */
    @Test
    void aPublishedAssessmentAndItsAppealsReachTheUnitsOnceEach() throws Exception {
        int year = LocalDate.now(SHANGHAI).getYear() - 3;
        String period = Integer.toString(year);
        String supervisor = minter.mint("supervisor", DISTRICT, "replica-test@" + DISTRICT, "督查室（副本测试）",
                Duration.ofMinutes(30));
        String lead = minter.mint("department", LEAD, "department@" + LEAD, "发改局（副本测试）", Duration.ofMinutes(30));
        String co = minter.mint("department", CO, "department@" + CO, "工信局（副本测试）", Duration.ofMinutes(30));
        String rulebookPath = "/api/v1/assessment-rulebooks/" + DISTRICT + "/" + year;
        String cardPath = "/api/v1/assessments?orgUnit=" + DISTRICT + "&year=" + year + "&period=" + period;

        // version 1 counts accountability only; the supervisor's bonus and deduction are not scored yet
        ObjectNode rulebook = mapper.createObjectNode();
        rulebook.putArray("components").add(mapper.createObjectNode().put("component", "ACCOUNTABILITY")
                .set("points", mapper.createObjectNode().put("TALK", -1)));
        call("PUT", copy(Service.TARGET, 1), rulebookPath, supervisor, rulebook, null, 200);
        for (Object[] entry : new Object[][]{{LEAD, 2, "重点项目获市政府通报表扬（副本测试）"},
                {CO, -1, "数据报送不及时（副本测试）"}}) {
            call("POST", copy(Service.TARGET, 2), "/api/v1/assessment-adjustments", supervisor, mapper.createObjectNode()
                    .put("orgUnitCode", DISTRICT).put("unitCode", (String) entry[0]).put("points", (Integer) entry[1])
                    .put("reason", (String) entry[2]).put("effectiveOn", year + "-06-01"), null, 201);
        }
        JsonNode before = call("GET", copy(Service.TARGET, 2), cardPath, supervisor, null, null, 200);
        assertEquals("PREVIEW", before.get("status").asText());
        assertEquals(0, item(before, LEAD).get("lines").size(), "version 1 does not score adjustments");
        assertEquals(0.0, item(before, LEAD).get("total").asDouble());

        // version 2 adds them: the preview, read through the other copy, follows at once
        ((com.fasterxml.jackson.databind.node.ArrayNode) rulebook.get("components"))
                .add(mapper.createObjectNode().put("component", "ADJUSTMENTS"));
        assertEquals(2, call("PUT", copy(Service.TARGET, 2), rulebookPath, supervisor, rulebook, null, 200)
                .get("version").asInt());
        JsonNode preview = call("GET", copy(Service.TARGET, 1), cardPath, supervisor, null, null, 200);
        assertEquals(2.0, item(preview, LEAD).get("total").asDouble());
        assertEquals(-1.0, item(preview, CO).get("total").asDouble());
        assertEquals(1, item(preview, LEAD).get("rank").asInt(), "the bonus puts the lead unit first");

        // publish through one copy; the other refuses a second publication
        JsonNode published = call("POST", copy(Service.TARGET, 1), "/api/v1/assessments/" + DISTRICT + "/" + year + "/"
                + period + "/publish", supervisor, null, null, 200);
        assertEquals("PUBLISHED", published.get("status").asText());
        call("POST", copy(Service.TARGET, 2), "/api/v1/assessments/" + DISTRICT + "/" + year + "/" + period + "/publish",
                supervisor, null, null, 409);
        List<String> assessed = new ArrayList<>();
        published.get("items").forEach(item -> assessed.add(item.get("orgUnitCode").asText()));
        assessed.sort(null);
        assertTrue(assessed.size() > 2, "every department of the district is assessed: " + assessed);

        // each department assessed is told its own total and rank, once
        awaitUntil("the publication's messages in every department's inbox", () ->
                assessmentInbox("ASSESSMENT_PUBLISHED", year).size() == assessed.size());
        String leadLine = item(published, LEAD).get("lines").get(0).get("id").asText();
        String coLine = item(published, CO).get("lines").get(0).get("id").asText();

        // the lead unit and the co-unit appeal their lines through different copies
        long accepted = call("POST", copy(Service.TARGET, 2), "/api/v1/assessments/lines/" + leadLine + "/appeals", lead,
                mapper.createObjectNode().put("reason", "表彰文件认定为省级表彰，应加 3 分"), null, 201).get("id").asLong();
        long rejected = call("POST", copy(Service.TARGET, 1), "/api/v1/assessments/lines/" + coLine + "/appeals", co,
                mapper.createObjectNode().put("reason", "数据已按时报送，系统延迟"), null, 201).get("id").asLong();
        awaitUntil("both appeals in the district office's inbox", () ->
                assessmentInbox("APPEAL_FILED", accepted).size() == 1 && assessmentInbox("APPEAL_FILED", rejected).size() == 1);

        call("POST", copy(Service.TARGET, 1), "/api/v1/assessments/appeals/" + accepted + "/accept", supervisor,
                mapper.createObjectNode().put("points", 3).put("reason", "经核实为省级表彰"), null, 200);
        call("POST", copy(Service.TARGET, 2), "/api/v1/assessments/appeals/" + rejected + "/reject", supervisor,
                mapper.createObjectNode().put("reason", "报送记录显示逾期三天"), null, 200);
        awaitUntil("both decisions in the appellants' inboxes", () ->
                assessmentInbox("APPEAL_DECIDED", accepted).size() == 1
                        && assessmentInbox("APPEAL_DECIDED", rejected).size() == 1);

        // a rulebook change after publishing needs a reason and leaves the published period as it stands
        ObjectNode third = mapper.createObjectNode();
        third.putArray("components").add(mapper.createObjectNode().put("component", "ADJUSTMENTS"));
        call("PUT", copy(Service.TARGET, 2), rulebookPath, supervisor, third, null, 400);
        third.put("reason", "按市考核办通知只计加减分（副本测试）");
        assertEquals(3, call("PUT", copy(Service.TARGET, 1), rulebookPath, supervisor, third, null, 200)
                .get("version").asInt());
        assertEquals(2, call("GET", copy(Service.TARGET, 2), rulebookPath + "?version=2", supervisor, null, null, 200)
                .get("components").size(), "the version the period was published under is kept");

        Thread.sleep(SETTLE.toMillis());
        JsonNode after = call("GET", copy(Service.TARGET, 2), cardPath, lead, null, null, 200);
        assertEquals("PUBLISHED", after.get("status").asText());
        assertEquals(3.0, item(after, LEAD).get("total").asDouble(), "the accepted appeal corrected 2 to 3");
        assertEquals(-1.0, item(after, CO).get("total").asDouble(), "the rejected appeal changed nothing");

        // what notify-service recorded: one message per unit concerned, each saying what it is about
        Map<String, String> publishedTo = assessmentInbox("ASSESSMENT_PUBLISHED", year);
        assertEquals(assessed, publishedTo.keySet().stream().sorted().toList(), "one message per department assessed");
        assertTrue(publishedTo.get(LEAD).contains("得分 2") && publishedTo.get(LEAD).contains("排名第 1"),
                publishedTo.get(LEAD));
        assertEquals(List.of(DISTRICT), List.copyOf(assessmentInbox("APPEAL_FILED", accepted).keySet()));
        assertEquals(List.of(DISTRICT), List.copyOf(assessmentInbox("APPEAL_FILED", rejected).keySet()));
        Map<String, String> acceptedTo = assessmentInbox("APPEAL_DECIDED", accepted);
        Map<String, String> rejectedTo = assessmentInbox("APPEAL_DECIDED", rejected);
        assertEquals(List.of(LEAD), List.copyOf(acceptedTo.keySet()));
        assertEquals(List.of(CO), List.copyOf(rejectedTo.keySet()));
        assertTrue(acceptedTo.get(LEAD).contains("采纳"), acceptedTo.get(LEAD));
        assertTrue(rejectedTo.get(CO).contains("驳回") && rejectedTo.get(CO).contains("报送记录显示逾期三天"),
                rejectedTo.get(CO));
        assertEquals(0L, single("kpi_notify", "select count(*) from (select r.org_unit_code from reminder r"
                + " where r.subject_type = 'ASSESSMENT' and r.subject_id in (?, ?, ?)"
                + " group by r.subject_id, r.kind, r.org_unit_code having count(*) > 1) twice", (long) year, accepted,
                rejected), "no unit told twice");
    }

    /**
     * The cadence documents of the demo district, generated through either target-service copy and
     * read back: their figures are the reports API's, and those agree with the other APIs on the
     * same day — the weekly list's overdue tasks are the ones task-service lists as overdue, the
     * bulletin's targets by colour are the dashboard's. The demo district's documents are kept in
     * {@code target/documents/} for {@code .ci/documents} to render.
     */
    @Test
    void theDemoDistrictsDocumentsCarryTheFiguresTheApisReport() throws Exception {
        String supervisor = minter.mint("supervisor", DISTRICT, "replica-test@" + DISTRICT, "督查室（副本测试）",
                Duration.ofMinutes(30));
        // an event gets its place in the feed when a reader first asks after it commits: the head is
        // only the head once every event of task-service has one
        awaitUntil("target-service at the head of task-service's feed", () ->
                single("kpi_task", "select count(*) from outbox_event where seq is null") == 0
                        && cursor("kpi_target", "task") == head("kpi_task"));
        List<Long> overdue = new ArrayList<>();
        call("GET", copy(Service.TASK, 1), "/api/v1/tasks?orgUnit=" + DISTRICT + "&overdue=true&size=100", supervisor,
                null, null, 200).get("items").forEach(t -> overdue.add(t.get("id").asLong()));
        overdue.sort(null);
        assertTrue(!overdue.isEmpty(), "the demo has overdue tasks");

        JsonNode weekly = call("GET", copy(Service.TARGET, 1), "/api/v1/reports/weekly?orgUnit=" + DISTRICT, supervisor,
                null, null, 200);
        List<Long> listed = new ArrayList<>();
        weekly.get("overdue").forEach(t -> listed.add(t.get("taskId").asLong()));
        listed.sort(null);
        if (!overdue.equals(listed)) {
            StringBuilder facts = new StringBuilder();
            try (Connection db = connect("kpi_target"); PreparedStatement q = db.prepareStatement(
                    "select task_id, status, due_date, assigned_on, version, milestones::text from assessment_task"
                            + " order by task_id"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    facts.append('\n').append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
                            .append(rs.getString(3)).append(' ').append(rs.getString(4)).append(" v").append(rs.getLong(5))
                            .append(' ').append(rs.getString(6));
                }
            }
            fail("the weekly list's overdue tasks are not task-service's: " + listed + " against " + overdue + "; "
                    + weekly + "\nfacts:" + facts + "\ncursor " + cursor("kpi_target", "task") + " head "
                    + head("kpi_task"));
        }
        byte[] workbook = file(copy(Service.TARGET, 2), "/api/v1/reports/weekly?orgUnit=" + DISTRICT + "&format=xlsx",
                supervisor);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("概况");
            List<Integer> counts = new ArrayList<>();
            for (int r = 2; r <= 7; r++) {
                counts.add((int) sheet.getRow(r).getCell(1).getNumericCellValue());
            }
            JsonNode s = weekly.get("summary");
            assertEquals(List.of(s.get("running").asInt(), s.get("dueSoon").asInt(), s.get("overdue").asInt(),
                    s.get("missedMilestones").asInt(), s.get("unreportedUnits").asInt(), s.get("newOrders").asInt()), counts);
            assertEquals(overdue.size(), book.getSheet("逾期任务").getLastRowNum() - 1);
        }

        JsonNode bulletin = call("GET", copy(Service.TARGET, 2), "/api/v1/reports/monthly-bulletin?orgUnit=" + DISTRICT,
                supervisor, null, null, 200);
        assertEquals(overdue.size(), bulletin.get("tasks").get("overdue").asInt());
        JsonNode dashboard = call("GET", copy(Service.TARGET, 1), "/api/v1/dashboard?orgUnit=" + DISTRICT, supervisor,
                null, null, 200);
        assertEquals(List.of(dashboard.get("total").asInt(), dashboard.get("counts").get("BLUE").asInt(),
                        dashboard.get("counts").get("YELLOW").asInt(), dashboard.get("counts").get("RED").asInt()),
                List.of(bulletin.get("targets").get("total").asInt(), bulletin.get("targets").get("blue").asInt(),
                        bulletin.get("targets").get("yellow").asInt(), bulletin.get("targets").get("red").asInt()),
                "the bulletin's targets by colour are the dashboard's");
        byte[] docx = file(copy(Service.TARGET, 1), "/api/v1/reports/monthly-bulletin?orgUnit=" + DISTRICT
                + "&format=docx", supervisor);
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
                     new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals(bulletin.get("summary").asText())),
                    "the bulletin prints the API's summary");
            assertEquals(bulletin.get("units").size() + 1, doc.getTables().get(0).getRows().size(), "a row per department");
            assertEquals(Math.max(1, overdue.size()) + 1, doc.getTables().get(1).getRows().size(), "a row per overdue task");
        }
        Path documents = ROOT.resolve("deploy/launcher/target/documents");
        Files.createDirectories(documents);
        Files.write(documents.resolve("demo-monthly-bulletin.docx"), docx);

        JsonNode analysis = call("GET", copy(Service.TARGET, 2), "/api/v1/reports/quarterly-analysis?orgUnit=" + DISTRICT,
                supervisor, null, null, 200);
        assertTrue(analysis.get("indicators").size() > 0, "the demo district has targets");
        byte[] quarterly = file(copy(Service.TARGET, 2), "/api/v1/reports/quarterly-analysis?orgUnit=" + DISTRICT
                + "&format=docx", supervisor);
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
                     new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(quarterly))) {
            assertEquals(analysis.get("indicators").size(), doc.getAllPictures().size(), "a chart per target");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals(analysis.get("summary").asText())));
        }
        Files.write(documents.resolve("demo-quarterly-analysis.docx"), quarterly);
    }

    /**
     * A document issued through one target-service copy reaches the district's office once: one
     * notice, one e-mail — sent by one of the two notify-service workers — carrying the very bytes
     * the archive keeps, fetched from target-service with the service token.
     */
    @Test
    void anIssuedBulletinIsMailedOnceWithTheFileTheArchiveKeeps() throws Exception {
        String supervisor = minter.mint("supervisor", DISTRICT, "replica-test@" + DISTRICT, "督查室（副本测试）",
                Duration.ofMinutes(30));
        String month = LocalDate.now(SHANGHAI).minusMonths(2).toString().substring(0, 7);
        JsonNode issued = call("POST", copy(Service.TARGET, 2), "/api/v1/reports/archive", supervisor,
                mapper.createObjectNode().put("orgUnitCode", DISTRICT).put("kind", "MONTHLY").put("period", month), null, 201);
        long id = issued.get("id").asLong();
        call("POST", copy(Service.TARGET, 1), "/api/v1/reports/archive", supervisor,
                mapper.createObjectNode().put("orgUnitCode", DISTRICT).put("kind", "MONTHLY").put("period", month), null, 409);
        byte[] kept = file(copy(Service.TARGET, 1), "/api/v1/reports/archive/" + id + "/file", supervisor);

        awaitUntil("the bulletin's e-mail sent", () -> single("kpi_notify", "select count(*) from delivery d join reminder r"
                + " on r.id = d.reminder_id where r.subject_type = 'DOCUMENT' and r.subject_id = ? and d.channel = 'EMAIL'"
                + " and d.status = 'SENT'", id) == 1);
        Thread.sleep(SETTLE.toMillis());
        assertEquals(1L, single("kpi_notify", "select count(*) from reminder where subject_type = 'DOCUMENT'"
                + " and subject_id = ?", id), "one notice");
        assertEquals(DISTRICT, text("kpi_notify", "select org_unit_code from reminder where subject_type = 'DOCUMENT'"
                + " and subject_id = ?", id), "to the district's office");
        String key = text("kpi_notify", "select cast(d.idempotency_key as text) from delivery d join reminder r"
                + " on r.id = d.reminder_id where r.subject_type = 'DOCUMENT' and r.subject_id = ? and d.channel = 'EMAIL'", id);
        assertEquals(Map.of(key, 1), mailed(java.util.Set.of(key)), "mailed once");
        MimeMessage mail = mailWithKey(key);
        assertTrue(mail.getSubject().contains(issued.get("title").asText()), mail.getSubject());
        byte[] attached = null;
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    attached = in.readAllBytes();
                }
            }
        }
        assertTrue(attached != null, "the bulletin is attached");
        assertEquals(java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(kept)),
                java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(attached)),
                "the attachment is the archived file, byte for byte");
    }

    /** The mail the local mailbox saved for a delivery. */
    private MimeMessage mailWithKey(String key) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(layout.mail())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(session, in);
                    if (key.equals(message.getHeader("X-Idempotency-Key", null))) {
                        message.getContent();
                        return new MimeMessage(session, Files.newInputStream(file));
                    }
                }
            }
        }
        throw new AssertionError("no mail with key " + key);
    }

    private byte[] file(String base, String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** The scorecard item of a department. */
    private static JsonNode item(JsonNode scorecard, String unit) {
        for (JsonNode item : scorecard.get("items")) {
            if (unit.equals(item.get("orgUnitCode").asText())) {
                return item;
            }
        }
        throw new AssertionError(unit + " not in the scorecard: " + scorecard);
    }

    /**
     * The inbox messages of assessment notices of a kind about a subject (the year for a publication,
     * the appeal for an appeal): recipient unit → title and body; a unit told twice fails.
     */
    private Map<String, String> assessmentInbox(String kind, long subjectId) throws SQLException {
        Map<String, String> messages = new HashMap<>();
        try (Connection db = connect("kpi_notify");
             PreparedStatement query = db.prepareStatement("select m.org_unit_code, m.title || ' ' || m.body"
                     + " from inbox_message m join delivery d on d.id = m.delivery_id join reminder r on r.id = d.reminder_id"
                     + " where r.subject_type = 'ASSESSMENT' and r.kind = ? and r.subject_id = ?")) {
            query.setString(1, kind);
            query.setLong(2, subjectId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String previous = messages.put(rs.getString(1), rs.getString(2));
                    assertEquals(null, previous, rs.getString(1) + " told twice about " + kind + " " + subjectId);
                }
            }
        }
        return messages;
    }

    @Test
    void theDailyColourRefreshFiredByBothCopiesRecoloursEachStaleTargetOnce() throws Exception {
        String job = "target-colour-refresh";
        String runKey = LocalDate.now(SHANGHAI).toString();
        awaitUntil("today's colour refresh done", () -> single("kpi_target",
                "select count(*) from job_run where job = ? and run_key = ? and finished_at is not null", job, runKey) == 1);

        // what a new day finds: stored colours that no longer hold, and no run for the day yet
        Map<Long, Object[]> stale = new LinkedHashMap<>();
        long outboxBefore;
        try (Connection db = connect("kpi_target")) {
            db.setAutoCommit(false);
            try (PreparedStatement listed = db.prepareStatement(
                    "select id, colour, version from target where year >= ? order by id limit 3")) {
                listed.setInt(1, LocalDate.now(SHANGHAI).getYear() - 1);
                try (ResultSet rs = listed.executeQuery()) {
                    while (rs.next()) {
                        stale.put(rs.getLong(1), new Object[]{rs.getString(2), rs.getLong(3)});
                    }
                }
            }
            assertEquals(3, stale.size(), "the demo's targets of this year or the last, which the daily run recolours");
            outboxBefore = single(db, "select coalesce(max(id), 0) from outbox_event");
            for (Map.Entry<Long, Object[]> target : stale.entrySet()) {
                String wrong = "RED".equals(target.getValue()[0]) ? "BLUE" : "RED";
                update(db, "update target set colour = ? where id = ?", wrong, target.getKey());
            }
            update(db, "delete from job_run where job = ? and run_key = ?", job, runKey);
            db.commit();
        }

        awaitUntil("today's colour refresh done again", () -> single("kpi_target",
                "select count(*) from job_run where job = ? and run_key = ? and finished_at is not null", job, runKey) == 1);
        Thread.sleep(SETTLE.toMillis());

        assertEquals(1L, single("kpi_target", "select count(*) from job_run where job = ? and run_key = ?", job, runKey));
        for (Map.Entry<Long, Object[]> target : stale.entrySet()) {
            long id = target.getKey();
            assertEquals(target.getValue()[0], text("kpi_target", "select colour from target where id = ?", id),
                    "target " + id + " has its colour back");
            assertEquals((Long) target.getValue()[1] + 1, single("kpi_target", "select version from target where id = ?", id),
                    "target " + id + " recoloured once");
            assertEquals(1L, single("kpi_target", "select count(*) from outbox_event where id > ? and type = ?"
                    + " and payload->>'targetId' = ?", outboxBefore, "target.status-changed", Long.toString(id)),
                    "one target.status-changed for target " + id);
        }
        assertEquals(0L, single("kpi_target", "select count(*) from (select payload->>'targetId' from outbox_event"
                + " where id > ? and type = ? group by 1 having count(*) > 1) twice", outboxBefore,
                "target.status-changed"), "no target changed colour twice");
    }

    // ------------------------------------------------------------------ effects as stored and as mailed

    /** The reminders of a task: kind → recipient units, sorted. */
    private Map<String, List<String>> remindersByKind(long taskId) throws SQLException {
        Map<String, List<String>> kinds = new HashMap<>();
        try (Connection db = connect("kpi_notify");
             PreparedStatement query = db.prepareStatement(
                     "select kind, org_unit_code from reminder where task_id = ? order by kind, org_unit_code")) {
            query.setLong(1, taskId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    kinds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return kinds;
    }

    /** The e-mail deliveries of a task's reminders: idempotency key → status. */
    private Map<String, String> emailsOf(long taskId) throws SQLException {
        Map<String, String> deliveries = new HashMap<>();
        try (Connection db = connect("kpi_notify");
             PreparedStatement query = db.prepareStatement("select d.idempotency_key, d.status from delivery d"
                     + " join reminder r on r.id = d.reminder_id where r.task_id = ? and d.channel = 'EMAIL'")) {
            query.setLong(1, taskId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    deliveries.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return deliveries;
    }

    private long inboxMessagesOf(long taskId) throws SQLException {
        return single("kpi_notify", "select count(*) from inbox_message m join delivery d on d.id = m.delivery_id"
                + " join reminder r on r.id = d.reminder_id where r.task_id = ?", taskId);
    }

    /** How many mails the local mailbox holds for each of {@code keys} (those it holds at all). */
    private Map<String, Integer> mailed(java.util.Set<String> keys) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        allMailKeys().forEach((key, count) -> {
            if (keys.contains(key)) {
                counts.put(key, count);
            }
        });
        return counts;
    }

    /** Every mail the local mailbox saved, counted by the delivery's idempotency key notify-service sends with it. */
    private Map<String, Integer> allMailKeys() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Session session = Session.getInstance(new Properties());
        if (!Files.isDirectory(layout.mail())) {
            return counts;
        }
        try (Stream<Path> files = Files.list(layout.mail())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    String key = new MimeMessage(session, in).getHeader("X-Idempotency-Key", null);
                    counts.merge(key == null ? "(none) " + file.getFileName() : key, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private long cursor(String database, String feed) throws SQLException {
        return single(database, "select coalesce(max(last_seq), 0) from feed_cursor where feed = ?", feed);
    }

    private long head(String database) throws SQLException {
        return single(database, "select coalesce(max(seq), 0) from outbox_event");
    }

    // ------------------------------------------------------------------ plumbing

    private ObjectNode step(int offsetDays, String kind, String... notify) {
        ObjectNode step = mapper.createObjectNode().put("offsetDays", offsetDays).put("kind", kind);
        for (String party : notify) {
            step.withArray("notify").add(party);
        }
        return step;
    }

    private static String copy(Service service, int number) {
        return new Instance(service, number).baseUrl();
    }

    private JsonNode call(String method, String base, String path, String token, JsonNode body, String ifMatch,
                          int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : mapper.writeValueAsString(body),
                        StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(expected, response.statusCode(), method + " " + base + path + ": " + response.body());
        return mapper.readTree(response.body());
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + platform.pgPort() + "/" + database,
                "postgres", "postgres");
    }

    private long single(String database, String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(database)) {
            return single(db, sql, parameters);
        }
    }

    private static long single(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(db, sql, parameters); ResultSet rs = query.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private String text(String database, String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(database); PreparedStatement query = prepare(db, sql, parameters);
             ResultSet rs = query.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** A condition that reads the database or the mailbox. */
    private interface Check {
        boolean holds() throws Exception;
    }

    private void awaitUntil(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + EFFECT_TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + EFFECT_TIMEOUT.toSeconds() + " s: " + what + " (logs in " + layout.logs() + ")");
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
