package org.kpi.goals.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test of speed: run with {@code ./mvnw -Pbench -pl target-service -am verify}.
 * A district of 40 departments with 50 targets (12 months of approved actuals each), 5,000 tasks,
 * 600 supervision orders, 100 accountability records, 1,000 ratings and 40 adjustments, scored under
 * a rulebook using every component; reports the median time over HTTP of the year's scorecard
 * (target: under 200 ms on a 2-core machine).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ScorecardBenchmark {

    static final int DEPARTMENTS = 40;
    static final int TARGETS = 50;
    static final int TASKS = 5_000;
    static final int WARMUP = 20;
    static final int RUNS = 30;

    @Inject
    DataSource dataSource;

    @Test
    void scorecardMedian() throws Exception {
        generate();
        String token = TestTokens.token("supervisor", "SB");
        TestTokens.as("supervisor", "SB").body("""
                {"components":[
                  {"component":"TARGET_COMPLETION","weight":1},{"component":"STRETCH_BONUS","weight":0.5},
                  {"component":"TASK_ON_TIME","weight":30},{"component":"OVERDUE_DAYS","perDay":0.1,"cap":2},
                  {"component":"SUPERVISION_ORDERS","points":{"URGE":-0.5,"SUPERVISE":-1,"LISTED":-2}},
                  {"component":"LATE_RESPONSES","weight":-0.5},
                  {"component":"ACCOUNTABILITY","points":{"TALK":-1,"NOTICE_CRITICISM":-2,"ADMONITION":-3}},
                  {"component":"SATISFACTION","points":{"SATISFIED":0.2,"UNSATISFIED":-0.5}},
                  {"component":"ADJUSTMENTS"}]}""").put("/api/v1/assessment-rulebooks/SB/2026").then().statusCode(200);
        String path = "/api/v1/assessments?orgUnit=SB&year=2026&period=2026";
        Response first = RestAssured.given().auth().oauth2(token).get(path);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(DEPARTMENTS, first.jsonPath().getList("items").size());
        int lines = first.jsonPath().getList("items.lines.flatten()").size();
        double median = median(path, token);
        System.out.printf("%n[bench] machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("[bench] scorecard of %d departments (%d targets, %d tasks; %d lines, %d bytes): median %.1f ms "
                + "over %d runs (target < 200 ms)%n%n", DEPARTMENTS, TARGETS, TASKS, lines, first.asByteArray().length,
                median, RUNS);
    }

    private static double median(String path, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        for (int i = 0; i < WARMUP; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - t0) / 1e6);
            assertEquals(200, response.statusCode());
        }
        Collections.sort(millis);
        return (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
    }

    private void generate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                    values ('SBC', '基准市', 'CITY', null, '/SBC/', 0, now(), now()),
                           ('SB', '基准区', 'DISTRICT', 'SBC', '/SBC/SB/', 0, now(), now())""");
            s.execute("insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at) "
                    + "select 'SB-D' || lpad(p::text, 2, '0'), '部门' || p, 'DEPARTMENT', 'SB', "
                    + "'/SBC/SB/SB-D' || lpad(p::text, 2, '0') || '/', 0, now(), now() from generate_series(1, "
                    + DEPARTMENTS + ") p");
            s.execute("insert into indicator (code, name, unit, kind, direction, frequency, actuals_due_day, version, "
                    + "created_at, updated_at) select 'SI' || lpad(i::text, 2, '0'), '指标' || i, '个', 'CUMULATIVE', "
                    + "'HIGHER_IS_BETTER', 'MONTHLY', 15, 0, now(), now() from generate_series(1, " + TARGETS + ") i");
            s.execute("insert into target (indicator_code, org_unit_code, year, committed_value, stretch_value, "
                    + "responsible_unit_code, plan, colour, h1_reported, version, created_at, updated_at) "
                    + "select 'SI' || lpad(i::text, 2, '0'), 'SB', 2026, 120, 140, 'SB-D' || lpad((1 + i % "
                    + DEPARTMENTS + ")::text, 2, '0'), '[]'::jsonb, 'BLUE', false, 0, now(), now() "
                    + "from generate_series(1, " + TARGETS + ") i");
            s.execute("insert into actual (target_id, period, end_month, value, status, revision, submitted_by, "
                    + "submitted_at, decided_by, decided_at, version) select t.id, '2026-' || lpad(m::text, 2, '0'), m, "
                    + "6 + (t.id % 9), 'APPROVED', 1, 'bench', now(), 'bench', now(), 0 "
                    + "from target t cross join generate_series(1, 10) m where t.org_unit_code = 'SB'");
            s.execute("update target t set approved_total = a.total, latest_period = '2026-10', latest_end_month = 10, "
                    + "latest_value = a.last, h1_total = a.h1, h1_value = a.june, h1_reported = true from (select "
                    + "target_id, sum(value) total, sum(value) filter (where end_month <= 6) h1, max(value) filter (where "
                    + "end_month = 10) last, max(value) filter (where end_month = 6) june from actual group by target_id) a "
                    + "where a.target_id = t.id and t.org_unit_code = 'SB'");
            s.execute("insert into assessment_task (task_id, org_unit_code, lead_unit_code, title, status, due_date, "
                    + "closed_on, version) select n, 'SB', 'SB-D' || lpad((1 + n % " + DEPARTMENTS + ")::text, 2, '0'), "
                    + "'任务' || n, case when n % 3 = 0 then 'CLOSED' else 'IN_PROGRESS' end, "
                    + "date '2026-01-01' + (n % 330), case when n % 3 = 0 then date '2026-01-01' + (n % 330) + (n % 7) - 3 end, "
                    + "1 from generate_series(1, " + TASKS + ") n");
            s.execute("insert into assessment_order (order_id, task_id, lead_unit_code, task_title, level, issued_on, "
                    + "respond_by) select n, n * 7, 'SB-D' || lpad((1 + n % " + DEPARTMENTS + ")::text, 2, '0'), "
                    + "'任务' || n, (array['NOTICE','URGE','SUPERVISE','LISTED'])[1 + n % 4], date '2026-01-05' + (n % 300), "
                    + "date '2026-01-10' + (n % 300) from generate_series(1, 600) n");
            s.execute("insert into assessment_order_response (order_id, responded_on) "
                    + "select n, date '2026-01-08' + (n % 300) + (n % 5) from generate_series(2, 600, 2) n");
            s.execute("insert into assessment_accountability (record_id, org_unit_code, kind, reason, task_id, recorded_on) "
                    + "select n, 'SB-D' || lpad((1 + n % " + DEPARTMENTS + ")::text, 2, '0'), "
                    + "(array['TALK','NOTICE_CRITICISM','ADMONITION','ACCOUNTABILITY'])[1 + n % 4], '原因' || n, null, "
                    + "date '2026-02-01' + (n % 250) from generate_series(1, 100) n");
            s.execute("insert into assessment_rating (event_key, task_id, lead_unit_code, task_title, rating, rated_on) "
                    + "select 'task.closed#' || n, n * 3, 'SB-D' || lpad((1 + n % " + DEPARTMENTS + ")::text, 2, '0'), "
                    + "'任务' || n, (array['SATISFIED','BASICALLY_SATISFIED','UNSATISFIED'])[1 + n % 3], "
                    + "date '2026-01-01' + (n % 320) from generate_series(1, 1000) n");
            s.execute("insert into assessment_adjustment (org_unit_code, unit_code, effective_on, points, reason, created_by, "
                    + "created_at) select 'SB', 'SB-D' || lpad(n::text, 2, '0'), date '2026-06-01', (n % 5) - 2.5, "
                    + "'理由' || n, 'bench', now() from generate_series(1, " + DEPARTMENTS + ") n");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }
}
