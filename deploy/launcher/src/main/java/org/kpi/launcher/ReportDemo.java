package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Loads the demo's cadence documents (周调度 · 月通报 · 季分析): each demo district issues the weekly
 * list, the bulletin and the analysis on the default schedule (Friday 16:00, the 3rd, the 10th after
 * the quarter), and last month's bulletin is issued at once — so the archive has a document and the
 * local mailbox its e-mail from the first run.
 */
final class ReportDemo {

    private final ObjectMapper mapper = new ObjectMapper();
    private final TokenMinter minter;
    private final DemoRequests target;

    ReportDemo(HttpClient http, TokenMinter minter) {
        this.minter = minter;
        this.target = new DemoRequests(http, Service.TARGET.baseUrl());
    }

    /** Returns the number of districts set up. */
    int load() throws Exception {
        int loaded = 0;
        for (JsonNode district : DemoRequests.read("demo/targets.json").get("districts")) {
            String code = district.get("code").asText();
            String supervisor = minter.mint("supervisor", code, "supervisor@" + code,
                    district.get("name").asText() + "督查室", Duration.ofMinutes(30));
            for (String kind : new String[]{"WEEKLY", "MONTHLY", "QUARTERLY"}) {
                DemoRequests.expect(target.send("PUT", "/api/v1/reports/schedules/" + code + "/" + kind, supervisor,
                        mapper.createObjectNode().put("enabled", true)), 200);
            }
            // last month's bulletin (the default period); issued already when the demo is loaded again
            DemoRequests.expect(target.send("POST", "/api/v1/reports/archive", supervisor,
                    mapper.createObjectNode().put("orgUnitCode", code).put("kind", "MONTHLY")), 201, 409);
            loaded++;
        }
        return loaded;
    }
}
