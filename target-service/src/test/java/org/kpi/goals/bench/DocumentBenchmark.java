package org.kpi.goals.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test of speed: run with {@code ./mvnw -Pbench -pl target-service -am verify
 * -Dtest=DocumentBenchmark}. A district of 40 departments with 2,000 tasks (co-units, milestones,
 * weekly reports), 50 targets with ten months of actuals, 300 supervision orders and an assessment
 * rulebook (so the bulletin ranks by the assessment, its heaviest path); reports the median time over
 * HTTP of the October bulletin as a Word document (target: under 2 s on a 2-core machine), and of
 * the weekly list and the quarterly analysis for comparison.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DocumentBenchmark {

    static final int DEPARTMENTS = 40;
    static final int TARGETS = 50;
    static final int TASKS = 2_000;
    static final int WARMUP = 5;
    static final int RUNS = 15;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void documentMedians() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 3));
        generate();
        String token = TestTokens.token("supervisor", "DB");
        TestTokens.as("supervisor", "DB").body("""
                {"components":[
                  {"component":"TARGET_COMPLETION","weight":1},{"component":"TASK_ON_TIME","weight":30},
                  {"component":"OVERDUE_DAYS","perDay":0.1,"cap":2},
                  {"component":"SUPERVISION_ORDERS","points":{"URGE":-0.5,"SUPERVISE":-1,"LISTED":-2}},
                  {"component":"LATE_RESPONSES","weight":-0.5},{"component":"ADJUSTMENTS"}]}""")
                .put("/api/v1/assessment-rulebooks/DB/2026").then().statusCode(200);
        System.out.printf("%n[bench] machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        report("monthly bulletin .docx (target < 2 s)", "/api/v1/reports/monthly-bulletin?orgUnit=DB&month=2026-10&format=docx",
                token);
        report("monthly bulletin JSON", "/api/v1/reports/monthly-bulletin?orgUnit=DB&month=2026-10", token);
        report("weekly list .xlsx", "/api/v1/reports/weekly?orgUnit=DB&week=2026-W44&format=xlsx", token);
        report("quarterly analysis .docx (50 charts)", "/api/v1/reports/quarterly-analysis?orgUnit=DB&quarter=2026-Q3"
                + "&format=docx", token);
        System.out.println();
    }

    private static void report(String what, String path, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        int size = 0;
        for (int i = 0; i < WARMUP; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body()));
            size = response.body().length;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - t0) / 1e6);
            assertEquals(200, response.statusCode());
        }
        Collections.sort(millis);
        System.out.printf("[bench] %s for %d departments, %d tasks, %d targets (%d bytes): median %.1f ms over %d runs%n",
                what, DEPARTMENTS, TASKS, TARGETS, size, (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2, RUNS);
    }

    private void generate() throws SQLException {
        String dept = "'DB-D' || lpad((1 + n % " + DEPARTMENTS + ")::text, 2, '0')";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                    values ('DBC', '基准市', 'CITY', null, '/DBC/', 0, now(), now()),
                           ('DB', '基准区', 'DISTRICT', 'DBC', '/DBC/DB/', 0, now(), now())""");
            s.execute("insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at) "
                    + "select 'DB-D' || lpad(p::text, 2, '0'), '基准区部门' || p, 'DEPARTMENT', 'DB', "
                    + "'/DBC/DB/DB-D' || lpad(p::text, 2, '0') || '/', 0, now(), now() from generate_series(1, "
                    + DEPARTMENTS + ") p");
            s.execute("insert into indicator (code, name, unit, kind, direction, frequency, actuals_due_day, version, "
                    + "created_at, updated_at) select 'DI' || lpad(n::text, 2, '0'), '基准指标' || n, '个', 'CUMULATIVE', "
                    + "'HIGHER_IS_BETTER', 'MONTHLY', 15, 0, now(), now() from generate_series(1, " + TARGETS + ") n");
            s.execute("insert into target (indicator_code, org_unit_code, year, committed_value, stretch_value, "
                    + "responsible_unit_code, plan, colour, h1_reported, version, created_at, updated_at) "
                    + "select 'DI' || lpad(n::text, 2, '0'), 'DB', 2026, 120, 140, " + dept + ", '[]'::jsonb, 'BLUE', "
                    + "false, 0, now(), now() from generate_series(1, " + TARGETS + ") n");
            s.execute("insert into actual (target_id, period, end_month, value, status, revision, submitted_by, "
                    + "submitted_at, decided_by, decided_at, version) select t.id, '2026-' || lpad(m::text, 2, '0'), m, "
                    + "4 + (t.id % 9), 'APPROVED', 1, 'bench', now(), 'bench', now(), 0 "
                    + "from target t cross join generate_series(1, 10) m where t.org_unit_code = 'DB'");
            s.execute("update target t set approved_total = a.total, latest_period = '2026-10', latest_end_month = 10, "
                    + "latest_value = a.last, h1_total = a.h1, h1_value = a.june, h1_reported = true from (select "
                    + "target_id, sum(value) total, sum(value) filter (where end_month <= 6) h1, max(value) filter (where "
                    + "end_month = 10) last, max(value) filter (where end_month = 6) june from actual group by target_id) a "
                    + "where a.target_id = t.id and t.org_unit_code = 'DB'");
            s.execute("insert into assessment_task (task_id, org_unit_code, lead_unit_code, title, status, due_date, "
                    + "closed_on, version, co_unit_codes, category, start_date, assigned_on, reporting_cadence, milestones) "
                    + "select n, 'DB', " + dept + ", '基准任务' || n, case when n % 3 = 0 then 'CLOSED' else 'IN_PROGRESS' end, "
                    + "date '2026-03-01' + (n % 300), case when n % 3 = 0 then date '2026-03-01' + (n % 240) end, 1, "
                    + "array['DB-D' || lpad((1 + (n + 7) % " + DEPARTMENTS + ")::text, 2, '0')]::varchar(32)[], '重点项目', "
                    + "date '2026-01-05', date '2026-01-05' + (n % 200), case when n % 2 = 0 then 'WEEKLY' else 'MONTHLY' end, "
                    + "jsonb_build_array(jsonb_build_object('title', '节点一', 'dueDate', (date '2026-02-01' + (n % 250))::text, "
                    + "'completed', n % 4 = 0, 'completedOn', case when n % 4 = 0 then (date '2026-02-01' + (n % 250))::text end), "
                    + "jsonb_build_object('title', '节点二', 'dueDate', (date '2026-06-01' + (n % 200))::text, "
                    + "'completed', false, 'completedOn', null)) from generate_series(1, " + TASKS + ") n");
            s.execute("insert into task_report_fact (report_id, task_id, unit_code, reported_on, percent_done) "
                    + "select n, 1 + n % " + TASKS + ", 'DB-D' || lpad((1 + (1 + n % " + TASKS + ") % " + DEPARTMENTS
                    + ")::text, 2, '0'), date '2026-01-05' + (n % 300), 50 from generate_series(1, 20000) n");
            s.execute("insert into assessment_order (order_id, task_id, lead_unit_code, task_title, level, issued_on, "
                    + "respond_by) select n, n * 5, " + dept + ", '基准任务' || (n * 5), "
                    + "(array['URGE','SUPERVISE','LISTED'])[1 + n % 3], date '2026-01-05' + (n % 300), "
                    + "date '2026-01-10' + (n % 300) from generate_series(1, 300) n");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }
}
