package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Demo targets (目标) for the four districts, from the figures the work plans name (GDP 6.5%,
 * investment 10%, revenue 9%, industry 8%, 110 projects, 12 Fortune-500 firms, 55 old
 * communities …), with approved actuals through the latest period that is due. Each district
 * performs at its own pace, so the dashboard shows all three colours and the districts rank.
 * Everything goes through the API as the people who would do it: the district supervisor sets
 * targets and approves, the responsible department reports.
 */
final class TargetDemo {

    private final HttpClient http;
    private final TokenMinter minter;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base = Service.TARGET.baseUrl();

    TargetDemo(HttpClient http, TokenMinter minter) {
        this.http = http;
        this.minter = minter;
    }

    /** The plan year: this year, or last year while this year has barely begun. */
    static int demoYear(LocalDate today) {
        return today.getMonthValue() >= 3 ? today.getYear() : today.getYear() - 1;
    }

    int load() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = demoYear(today);
        JsonNode demo = read();
        String admin = minter.mint("admin", DemoData.CITY, "kpi-launcher", "演示数据载入", Duration.ofMinutes(30));
        for (JsonNode indicator : demo.get("indicators")) {
            ObjectNode body = mapper.createObjectNode();
            for (String field : new String[]{"code", "name", "unit", "kind", "direction", "frequency"}) {
                body.put(field, indicator.get(field).asText());
            }
            body.put("actualsDueDay", indicator.get("actualsDueDay").asInt());
            if (indicator.has("yellowTolerance")) {
                body.put("yellowTolerance", indicator.get("yellowTolerance").decimalValue());
            }
            DemoRequests.expect(post("/api/v1/indicators", admin, body), 201, 409);
        }
        int targets = 0;
        for (JsonNode district : demo.get("districts")) {
            String code = district.get("code").asText();
            double performance = district.get("performance").asDouble();
            String supervisor = minter.mint("supervisor", code, "supervisor@" + code,
                    district.get("name").asText() + "督查室", Duration.ofMinutes(30));
            for (JsonNode wanted : district.get("indicators")) {
                JsonNode indicator = find(demo.get("indicators"), wanted.asText());
                String responsible = code + "-" + indicator.get("responsible").asText();
                long targetId = createTarget(supervisor, indicator, code, responsible, year);
                if (targetId < 0) {
                    continue;
                }
                targets++;
                String department = minter.mint("department", responsible, "department@" + responsible,
                        responsible, Duration.ofMinutes(30));
                reportActuals(targetId, indicator, performance, year, today, department, supervisor);
            }
        }
        return targets;
    }

    /** Creates the target; returns its id, or -1 when it already existed. */
    private long createTarget(String supervisor, JsonNode indicator, String district, String responsible, int year)
            throws Exception {
        ObjectNode body = mapper.createObjectNode()
                .put("indicatorCode", indicator.get("code").asText())
                .put("orgUnitCode", district)
                .put("year", year)
                .put("responsibleUnitCode", responsible);
        BigDecimal committed = indicator.get("committed").decimalValue();
        body.put("committedValue", committed);
        if (indicator.has("stretch")) {
            body.put("stretchValue", indicator.get("stretch").decimalValue());
        }
        if (indicator.has("halfYearPlan")) {
            ArrayNode plan = body.putArray("plan");
            plan.addObject().put("period", year + "-H1").put("value",
                    committed.multiply(BigDecimal.valueOf(indicator.get("halfYearPlan").asDouble()))
                            .setScale(0, RoundingMode.HALF_UP));
        }
        HttpResponse<String> response = post("/api/v1/targets", supervisor, body);
        DemoRequests.expect(response, 201, 409);
        return response.statusCode() == 201 ? mapper.readTree(response.body()).get("id").asLong() : -1;
    }

    /**
     * Reports every period due by {@code today}; the district's performance shapes the values.
     * The last due period of the weakest district stays submitted, awaiting review.
     */
    private void reportActuals(long targetId, JsonNode indicator, double performance, int year, LocalDate today,
                               String department, String supervisor) throws Exception {
        boolean monthly = "MONTHLY".equals(indicator.get("frequency").asText());
        int dueDay = indicator.get("actualsDueDay").asInt();
        int periods = monthly ? 12 : 4;
        int months = monthly ? 1 : 3;
        String kind = indicator.get("kind").asText();
        boolean lowerBetter = "LOWER_IS_BETTER".equals(indicator.get("direction").asText());
        double committed = indicator.get("committed").asDouble();
        double reported = 0;
        for (int p = 1; p <= periods; p++) {
            LocalDate due = LocalDate.of(year, p * months, 1).plusMonths(1).withDayOfMonth(dueDay);
            if (due.isAfter(today)) {
                break;
            }
            double share = p * months / 12.0;
            BigDecimal value;
            if ("CUMULATIVE".equals(kind)) {
                double pace = lowerBetter ? 2 - performance : performance;
                double ytd = Math.floor(committed * pace * share + 0.5);
                double increment = Math.max(0, ytd - reported);
                reported += increment;
                value = BigDecimal.valueOf(increment);
            } else if ("LEVEL".equals(kind)) {
                value = BigDecimal.valueOf(Math.min(100, committed * (0.995 + (performance - 1) * 0.3)))
                        .setScale(1, RoundingMode.HALF_UP);
            } else {
                double wobble = 0.3 * Math.sin(p);
                value = BigDecimal.valueOf(committed * performance + wobble).setScale(1, RoundingMode.HALF_UP);
            }
            String period = monthly ? String.format("%d-%02d", year, p) : year + "-Q" + p;
            ObjectNode body = mapper.createObjectNode().put("period", period).put("value", value)
                    .put("note", "统计快报");
            HttpResponse<String> submitted = post("/api/v1/targets/" + targetId + "/actuals", department, body);
            DemoRequests.expect(submitted, 201);
            boolean lastDue = p == periods || LocalDate.of(year, (p + 1) * months, 1).plusMonths(1)
                    .withDayOfMonth(dueDay).isAfter(today);
            if (lastDue && performance < 0.85) {
                continue;
            }
            JsonNode actual = mapper.readTree(submitted.body());
            // approval is a state change: it names the version it approves in If-Match
            DemoRequests.expect(post("/api/v1/actuals/" + actual.get("id").asLong() + "/approve", supervisor, null,
                    "\"" + actual.get("version").asLong() + "\""), 200);
        }
    }

    private JsonNode find(JsonNode indicators, String code) {
        for (JsonNode indicator : indicators) {
            if (indicator.get("code").asText().equals(code)) {
                return indicator;
            }
        }
        throw new IllegalStateException("演示数据缺少指标 " + code);
    }

    private HttpResponse<String> post(String path, String token, JsonNode body) throws IOException, InterruptedException {
        return post(path, token, body, null);
    }

    private HttpResponse<String> post(String path, String token, JsonNode body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }


    private JsonNode read() throws IOException {
        return DemoRequests.read("demo/targets.json");
    }
}
