package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
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
    private final TokenMinter minter;
    private final DemoRequests target;

    AssessmentDemo(HttpClient http, TokenMinter minter) {
        this.minter = minter;
        this.target = new DemoRequests(http, Service.TARGET.baseUrl());
    }

    /** Returns the number of districts given a rulebook. */
    int load() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = TargetDemo.demoYear(today);
        JsonNode rulebook = DemoRequests.read("demo/rulebook.json");
        int loaded = 0;
        for (JsonNode district : DemoRequests.read("demo/targets.json").get("districts")) {
            String code = district.get("code").asText();
            String supervisor = minter.mint("supervisor", code, "supervisor@" + code,
                    district.get("name").asText() + "督查室", Duration.ofMinutes(30));
            ObjectNode body = mapper.createObjectNode();
            body.set("components", rulebook.get("components"));
            HttpResponse<String> put = target.send("PUT", "/api/v1/assessment-rulebooks/" + code + "/" + year, supervisor, body);
            DemoRequests.expect(put, 200);
            for (JsonNode entry : rulebook.get("adjustments")) {
                ObjectNode adjustment = mapper.createObjectNode()
                        .put("orgUnitCode", code)
                        .put("unitCode", code + "-" + entry.get("unit").asText())
                        .put("points", entry.get("points").decimalValue())
                        .put("reason", entry.get("reason").asText())
                        .put("effectiveOn", (year == today.getYear() ? today.withDayOfMonth(1) : LocalDate.of(year, 12, 1))
                                .toString());
                // a demo district without that department keeps its rulebook and skips the entry
                DemoRequests.expect(target.send("POST", "/api/v1/assessment-adjustments", supervisor, adjustment), 201, 400);
            }
            loaded++;
        }
        return loaded;
    }
}
