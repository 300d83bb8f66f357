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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Loads the demo's assessment (考核): a rulebook for each demo district for the plan year, and a
 * couple of bonus and deduction entries, through target-service's API as the district's
 * supervisors would. Scorecards then show lines from the demo's targets, tasks, orders and
 * accountability records as soon as target-service has read task-service's feed.
 */
final class AssessmentDemo {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http;
    private final TokenMinter minter;
    private final String base = Service.TARGET.baseUrl();

    AssessmentDemo(HttpClient http, TokenMinter minter) {
        this.http = http;
        this.minter = minter;
    }

    /** Returns the number of districts given a rulebook. */
    int load() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = TargetDemo.demoYear(today);
        JsonNode rulebook = read("demo/rulebook.json");
        int loaded = 0;
        for (JsonNode district : read("demo/targets.json").get("districts")) {
            String code = district.get("code").asText();
            String supervisor = minter.mint("supervisor", code, "supervisor@" + code,
                    district.get("name").asText() + "督查室", Duration.ofMinutes(30));
            ObjectNode body = mapper.createObjectNode();
            body.set("components", rulebook.get("components"));
            HttpResponse<String> put = send("PUT", "/api/v1/assessment-rulebooks/" + code + "/" + year, supervisor, body);
            expect(put, 200);
            for (JsonNode entry : rulebook.get("adjustments")) {
                ObjectNode adjustment = mapper.createObjectNode()
                        .put("orgUnitCode", code)
                        .put("unitCode", code + "-" + entry.get("unit").asText())
                        .put("points", entry.get("points").decimalValue())
                        .put("reason", entry.get("reason").asText())
                        .put("effectiveOn", (year == today.getYear() ? today.withDayOfMonth(1) : LocalDate.of(year, 12, 1))
                                .toString());
                // a demo district without that department keeps its rulebook and skips the entry
                expect(send("POST", "/api/v1/assessment-adjustments", supervisor, adjustment), 201, 400);
            }
            loaded++;
        }
        return loaded;
    }

    private HttpResponse<String> send(String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("演示数据载入失败：" + response.request().method() + " "
                + response.request().uri().getPath() + " → HTTP " + response.statusCode() + " " + response.body());
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = AssessmentDemo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            return mapper.readTree(in);
        }
    }
}
