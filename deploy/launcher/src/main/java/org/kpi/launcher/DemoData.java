package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Loads the demo data through the services' own APIs, once: each step leaves a marker in the
 * data folder, and a unit that already exists (409) is taken as loaded, so a half-finished
 * first run completes on the next.
 */
final class DemoData {

    static final String CITY = "370600";
    static final String DISTRICT = "370602";

    /** The users whose tokens {@code ./kpi up} prints: role, org, description, variable suffix. */
    static final String[][] SAMPLE_USERS = {
            {"admin", CITY, "平台管理员", "ADMIN"},
            {"leader", CITY, "烟台市领导", "CITY_LEADER"},
            {"supervisor", DISTRICT, "芝罘区督查室", "SUPERVISOR"},
            {"leader", DISTRICT, "芝罘区领导", "LEADER"},
            {"department", DISTRICT + "-FGJ", "芝罘区发展和改革局", "DEPARTMENT"},
            {"service", "SYSTEM", "服务间调用", "SERVICE"},
    };

    private final Layout layout;
    private final HttpClient http;
    private final TokenMinter minter;
    private final ObjectMapper mapper = new ObjectMapper();

    DemoData(Layout layout, HttpClient http, TokenMinter minter) {
        this.layout = layout;
        this.http = http;
        this.minter = minter;
    }

    void load() throws Exception {
        Files.createDirectories(layout.demoMarkers());
        loadOrgTree();
        Path targets = layout.demoMarkers().resolve("targets.done");
        if (!Files.exists(targets)) {
            System.out.println("首次运行：载入演示目标与实绩…");
            int created = new TargetDemo(http, minter).load();
            System.out.println("  已创建 " + created + " 个年度目标及其实绩");
            Files.writeString(targets, "loaded\n");
        }
        Path contacts = layout.demoMarkers().resolve("contacts.done");
        if (!Files.exists(contacts) && loadContacts()) {
            Files.writeString(contacts, "loaded\n");
        }
        Path tasks = layout.demoMarkers().resolve("tasks.done");
        if (!Files.exists(tasks)) {
            System.out.println("首次运行：载入演示督办任务…");
            new TaskDemo(http, minter).load();
            Files.writeString(tasks, "loaded\n");
        }
        Path assessment = layout.demoMarkers().resolve("assessment.done");
        if (!Files.exists(assessment)) {
            System.out.println("首次运行：载入演示考核细则…");
            int districts = new AssessmentDemo(http, minter).load();
            System.out.println("  已为 " + districts + " 个区县制定考核细则");
            Files.writeString(assessment, "loaded\n");
        }
        Path reports = layout.demoMarkers().resolve("reports.done");
        if (!Files.exists(reports)) {
            System.out.println("首次运行：开启演示区县的定时印发，并印发上月督查通报…");
            int districts = new ReportDemo(http, minter).load();
            System.out.println("  已为 " + districts + " 个区县开启周调度、月通报、季分析的定时印发");
            Files.writeString(reports, "loaded\n");
        }
    }

    private void loadOrgTree() throws Exception {
        Path marker = layout.demoMarkers().resolve("org-tree.done");
        if (Files.exists(marker)) {
            return;
        }
        System.out.println("首次运行：载入演示组织机构（1 市、4 区及其部门）…");
        String token = minter.mint("admin", CITY, "kpi-launcher", "演示数据载入", Duration.ofMinutes(30));
        JsonNode tree = read("demo/org-tree.json");
        JsonNode city = tree.get("city");
        int created = 0;
        created += create(token, city.get("code").asText(), city.get("name").asText(), "CITY", null);
        for (JsonNode dept : tree.get("cityDepartments")) {
            created += create(token, CITY + "-" + dept.get("suffix").asText(),
                    city.get("name").asText() + dept.get("name").asText(), "DEPARTMENT", CITY);
        }
        for (JsonNode district : tree.get("districts")) {
            String code = district.get("code").asText();
            String name = district.get("name").asText();
            created += create(token, code, name, "DISTRICT", CITY);
            for (JsonNode dept : tree.get("districtDepartments")) {
                created += create(token, code + "-" + dept.get("suffix").asText(),
                        name + dept.get("name").asText(), "DEPARTMENT", code);
            }
        }
        System.out.println("  已创建 " + created + " 个组织机构");
        awaitReplicas(token);
        Files.writeString(marker, "loaded\n");
    }

    /**
     * Gives every district and department an e-mail contact besides its inbox, so the reminders of
     * the demo reach the local mailbox ({@code ./kpi mail}): {@code dcs-370602@kpi.local} for a
     * district's supervision office (督查室), {@code 370602-fgj@kpi.local} for a department.
     */
    private boolean loadContacts() throws Exception {
        System.out.println("首次运行：为各区督查室和部门登记演示邮箱（提醒邮件可用 ./kpi mail 查看）…");
        String token = minter.mint("admin", CITY, "kpi-launcher", "演示数据载入", Duration.ofMinutes(30));
        JsonNode tree = read("demo/org-tree.json");
        int units = 1 + tree.get("districts").size() * (1 + tree.get("districtDepartments").size());
        int written = contact(token, CITY, "dcs-" + CITY);
        for (JsonNode district : tree.get("districts")) {
            String code = district.get("code").asText();
            written += contact(token, code, "dcs-" + code);
            for (JsonNode dept : tree.get("districtDepartments")) {
                String unit = code + "-" + dept.get("suffix").asText();
                written += contact(token, unit, unit.toLowerCase(Locale.ROOT));
            }
        }
        System.out.println("  已登记 " + written + " 个单位的邮箱" + (written < units ? "（其余下次启动时补登）" : ""));
        return written == units;
    }

    private int contact(String token, String unit, String mailbox) throws Exception {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("channels").addObject().put("type", "EMAIL").put("address", mailbox + "@kpi.local");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Service.NOTIFY.baseUrl()
                        + "/api/v1/contacts/" + unit))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8)));
        if (response.statusCode() != 200) {
            System.out.println("  登记 " + unit + " 的邮箱未成功（HTTP " + response.statusCode() + "）");
            return 0;
        }
        return 1;
    }

    /** Waits until task-service and notify-service have copied the tree from target-service's feed. */
    private void awaitReplicas(String token) throws Exception {
        String lastDepartment = "370613-RXZX";
        for (Service service : new Service[]{Service.TASK, Service.NOTIFY}) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline) {
                status = send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/org-units/" + lastDepartment))
                        .header("Authorization", "Bearer " + token).GET()).statusCode();
                if (status == 200) {
                    break;
                }
                Thread.sleep(300);
            }
            System.out.println("  " + service.module + " 的组织机构副本" + (status == 200 ? "已同步" : "尚未同步（稍后会自动追上）"));
        }
    }

    private int create(String token, String code, String name, String type, String parent) throws Exception {
        ObjectNode body = mapper.createObjectNode().put("code", code).put("name", name).put("type", type);
        if (parent != null) {
            body.put("parentCode", parent);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Service.TARGET.baseUrl() + "/api/v1/org-units"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8)));
        if (response.statusCode() == 201) {
            return 1;
        }
        if (response.statusCode() == 409) {
            return 0;
        }
        throw new IllegalStateException("创建组织机构 " + code + " 失败：HTTP " + response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("缺少资源 " + resource);
            }
            return mapper.readTree(in);
        }
    }
}
