package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo tasks (重点任务) from the three work plans ({@code demo/tasks.json}), driven through
 * task-service's API as the people who would do it: the district supervisor creates and assigns
 * a task, the lead and co-units report, the lead completes milestones and asks for closure, the
 * supervisor issues supervision orders, records accountability and closes. Each task is brought
 * to its {@code scenario} state; a task that already exists (same title in the same district) is
 * picked up where it stands, so a run that failed half-way completes on the next.
 *
 * <p>Dates in the file are written for {@code planYear}; they are moved to the demo year (this
 * year, or last year early in the year), so the mix of on-track, overdue, closure-requested and
 * closed tasks holds whenever the demo is loaded late in the year.
 */
final class TaskDemo {

    private static final List<String> ORDER = List.of("DRAFT", "ASSIGNED", "IN_PROGRESS", "CLOSURE_REQUESTED",
            "CLOSED");
    private static final Duration TTL = Duration.ofMinutes(30);

    private final HttpClient http;
    private final TokenMinter minter;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base = Service.TASK.baseUrl();
    private final Map<String, String> tokens = new HashMap<>();
    private int yearShift;
    private LocalDate today;

    TaskDemo(HttpClient http, TokenMinter minter) {
        this.http = http;
        this.minter = minter;
    }

    void load() throws Exception {
        JsonNode demo = read();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        yearShift = TargetDemo.demoYear(today) - demo.get("planYear").asInt();
        int created = 0;
        for (JsonNode task : demo.get("tasks")) {
            created += bring(task);
        }
        System.out.println("  已载入 " + demo.get("tasks").size() + " 项重点任务（本次新建 " + created + " 项）");
    }

    /** Creates the task if missing and moves it to its scenario state; returns 1 if it was created. */
    private int bring(JsonNode task) throws Exception {
        String district = task.get("district").asText();
        String supervisor = supervisor(district);
        String lead = district + "-" + task.get("lead").asText();
        String target = task.get("scenario").asText();
        int created = 0;
        JsonNode current = find(supervisor, district, task.get("title").asText());
        if (current == null) {
            current = send("POST", "/api/v1/tasks", supervisor, createBody(task, district, lead), 201);
            created = 1;
        }
        long id = current.get("id").asLong();
        String path = "/api/v1/tasks/" + id;
        if (is(current, "DRAFT") && reaches(target, "ASSIGNED")) {
            current = act(path + "/assign", supervisor, null, current);
        }
        if (is(current, "ASSIGNED") && reaches(target, "IN_PROGRESS")) {
            current = report(task, district, lead, path);
        }
        if (is(current, "IN_PROGRESS")) {
            int done = reaches(target, "CLOSURE_REQUESTED") ? task.get("milestones").size()
                    : task.path("milestonesDone").asInt(0);
            JsonNode milestones = current.get("milestones");
            for (int i = 0; i < Math.min(done, milestones.size()); i++) {
                if (!milestones.get(i).get("completed").asBoolean()) {
                    current = act(path + "/milestones/" + milestones.get(i).get("id").asLong() + "/complete",
                            department(lead), null, current);
                }
            }
        }
        if (task.has("supervisionOrder") && (is(current, "IN_PROGRESS") || is(current, "ASSIGNED"))
                && total(path + "/supervision-orders", supervisor) == 0) {
            JsonNode order = task.get("supervisionOrder");
            ObjectNode body = mapper.createObjectNode()
                    .put("level", order.get("level").asText())
                    .put("reason", order.get("reason").asText())
                    .put("respondBy", today.plusDays(order.get("respondInDays").asInt()).toString());
            send("POST", path + "/supervision-orders", supervisor, body, 201);
            // issuing an order changes the task (its response date), so its version moves on
            current = send("GET", path, supervisor, null, 200);
        }
        if (task.has("accountability") && total("/api/v1/accountability-records?taskId=" + id, supervisor) == 0) {
            JsonNode record = task.get("accountability");
            ObjectNode body = mapper.createObjectNode()
                    .put("orgUnitCode", lead)
                    .put("kind", record.get("kind").asText())
                    .put("reason", record.get("reason").asText())
                    .put("taskId", id);
            send("POST", "/api/v1/accountability-records", supervisor, body, 201);
        }
        if (is(current, "IN_PROGRESS") && reaches(target, "CLOSURE_REQUESTED")) {
            ObjectNode body = mapper.createObjectNode().put("summary", task.get("closureSummary").asText());
            current = act(path + "/closure-request", department(lead), body, current);
        }
        if (is(current, "CLOSURE_REQUESTED") && reaches(target, "CLOSED")) {
            // the office rates what it closes (满意度)
            act(path + "/close", supervisor, mapper.createObjectNode().put("rating", "SATISFIED"), current);
        }
        return created;
    }

    /** Posts the task's progress reports (the lead's own when the file names none); returns the task after. */
    private JsonNode report(JsonNode task, String district, String lead, String path) throws Exception {
        JsonNode reports = task.get("reports");
        if (reports == null || reports.isEmpty()) {
            ObjectNode body = mapper.createObjectNode().put("text", "已按计划推进").put("percentDone", 30);
            send("POST", path + "/progress-reports", department(lead), body, 201);
        } else {
            for (JsonNode report : reports) {
                ObjectNode body = mapper.createObjectNode()
                        .put("text", report.get("text").asText())
                        .put("percentDone", report.get("percentDone").asInt());
                if (report.has("quantityReached")) {
                    body.set("quantityReached", report.get("quantityReached"));
                }
                send("POST", path + "/progress-reports", department(district + "-" + report.get("unit").asText()),
                        body, 201);
            }
        }
        return send("GET", path, supervisor(district), null, 200);
    }

    private ObjectNode createBody(JsonNode task, String district, String lead) {
        ObjectNode body = mapper.createObjectNode();
        for (String field : new String[]{"title", "description", "category", "source", "responsibleLeader",
            "reportingCadence"}) {
            body.put(field, task.get(field).asText());
        }
        body.put("orgUnitCode", district);
        body.put("leadUnitCode", lead);
        ArrayNode co = body.putArray("coUnitCodes");
        task.get("co").forEach(suffix -> co.add(district + "-" + suffix.asText()));
        body.put("startDate", shift(task.get("startDate").asText()));
        body.put("dueDate", shift(task.get("dueDate").asText()));
        if (task.has("quantity")) {
            body.set("quantity", task.get("quantity"));
        }
        ArrayNode milestones = body.putArray("milestones");
        for (JsonNode milestone : task.get("milestones")) {
            milestones.addObject()
                    .put("title", milestone.get("title").asText())
                    .put("dueDate", shift(milestone.get("dueDate").asText()));
        }
        return body;
    }

    /** The district's task with exactly this title, or {@code null}. */
    private JsonNode find(String token, String district, String title) throws Exception {
        JsonNode page = send("GET", "/api/v1/tasks?size=100&orgUnit=" + district + "&q="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), token, null, 200);
        for (JsonNode item : page.get("items")) {
            if (title.equals(item.get("title").asText()) && district.equals(item.get("orgUnitCode").asText())) {
                return item;
            }
        }
        return null;
    }

    private long total(String path, String token) throws Exception {
        return send("GET", path, token, null, 200).get("total").asLong();
    }

    private String shift(String date) {
        return LocalDate.parse(date).plusYears(yearShift).toString();
    }

    private static boolean is(JsonNode task, String status) {
        return status.equals(task.get("status").asText());
    }

    private static boolean reaches(String target, String status) {
        return ORDER.indexOf(target) >= ORDER.indexOf(status);
    }

    private String supervisor(String district) {
        return tokens.computeIfAbsent("supervisor:" + district, key -> minter.mint("supervisor", district,
                "demo-supervisor@" + district, "督查室（演示）", TTL));
    }

    private String department(String unit) {
        return tokens.computeIfAbsent("department:" + unit, key -> minter.mint("department", unit,
                "demo@" + unit, "部门填报员（演示）", TTL));
    }

    /** A lifecycle action on the task as it stands ({@code current}): every state change needs its version in If-Match. */
    private JsonNode act(String path, String token, JsonNode body, JsonNode current)
            throws IOException, InterruptedException {
        return send("POST", path, token, body, 200, "\"" + current.get("version").asLong() + "\"");
    }

    private JsonNode send(String method, String path, String token, JsonNode body, int expected)
            throws IOException, InterruptedException {
        return send(method, path, token, body, expected, null);
    }

    private JsonNode send(String method, String path, String token, JsonNode body, int expected, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    body == null ? "{}" : mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException("演示任务载入失败：" + method + " " + path + " → HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body());
    }

    private JsonNode read() throws IOException {
        try (InputStream in = TaskDemo.class.getClassLoader().getResourceAsStream("demo/tasks.json")) {
            if (in == null) {
                throw new IOException("缺少资源 demo/tasks.json");
            }
            return mapper.readTree(in);
        }
    }
}
