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
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test of speed: run with {@code ./mvnw -Pbench -pl target-service -am verify}.
 * Generates a city of 20 districts × 40 departments × 50 indicators (40,000 targets) with 12
 * months of approved actuals (480,000 rows), then reports the median time over HTTP of a
 * district's dashboard (2,000 targets) and of a ranking across all 800 departments.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DashboardBenchmark {

    static final int DISTRICTS = 20;
    static final int DEPARTMENTS = 40;
    static final int INDICATORS = 50;
    static final int WARMUP = 40;
    static final int RUNS = 50;

    @Inject
    DataSource dataSource;

    @Test
    void dashboardAndRankingMedians() throws Exception {
        long started = System.nanoTime();
        generate();
        System.out.printf("%n[bench] generated %d targets and %d actuals in %.1f s%n",
                DISTRICTS * DEPARTMENTS * INDICATORS, DISTRICTS * DEPARTMENTS * INDICATORS * 12,
                (System.nanoTime() - started) / 1e9);

        explain("select t.id, u.code, u.name, case when t.latest_end_month is null then null"
                + " when t.latest_end_month <= 12 then t.approved_total else (select sum(a.value) from actual a"
                + " where a.target_id = t.id and a.status = 'APPROVED' and a.end_month <= 12) end"
                + " from target t join org_unit u on u.code = t.org_unit_code where t.indicator_code = 'BI01'"
                + " and t.year = 2026 and (u.path ~>=~ '/BENCH/' and u.path ~<~ '/BENCH0') and u.type = 'DEPARTMENT'"
                + " and u.code <> 'BENCH'"
                + " order by u.code");
        String dashboardToken = TestTokens.token("leader", "BENCH");
        String dashboardPath = "/api/v1/dashboard?orgUnit=BD07&year=2026";
        String rankingPath = "/api/v1/rankings?indicator=BI01&year=2026&parent=BENCH&level=DEPARTMENT";
        String earlierRankingPath = rankingPath + "&period=2026-10";
        check(() -> RestAssured.given().auth().oauth2(dashboardToken).get(dashboardPath),
                response -> assertEquals(DEPARTMENTS * INDICATORS, response.jsonPath().getInt("total")));
        check(() -> RestAssured.given().auth().oauth2(dashboardToken).get(rankingPath),
                response -> assertEquals(DISTRICTS * DEPARTMENTS, response.jsonPath().getInt("total")));
        double dashboard = median(dashboardPath, dashboardToken);
        double ranking = median(rankingPath, dashboardToken);
        double earlierRanking = median(earlierRankingPath, dashboardToken);
        double baseline = median("/api/v1/org-units/BD07", dashboardToken);
        int bytes = RestAssured.given().auth().oauth2(dashboardToken).get("/api/v1/dashboard?orgUnit=BD07&year=2026")
                .asByteArray().length;
        System.out.printf("[bench] baseline (one org unit): median %.1f ms; dashboard body %d bytes%n", baseline, bytes);
        System.out.printf("[bench] machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("[bench] dashboard of a district (2,000 targets): median %.1f ms over %d runs (target < 50 ms)%n",
                dashboard, RUNS);
        System.out.printf("[bench] ranking across 800 departments, latest period: median %.1f ms over %d runs (target < 20 ms)%n",
                ranking, RUNS);
        System.out.printf("[bench] ranking across 800 departments at an earlier period (2026-10): median %.1f ms%n%n",
                earlierRanking);
    }

    /** Checks the answer once through REST Assured. */
    private static void check(Supplier<Response> call, java.util.function.Consumer<Response> check) {
        Response first = call.get();
        assertEquals(200, first.statusCode(), first.asString());
        check.accept(first);
    }

    /** Times a request with the JDK's HTTP client (whole body read), so the client adds little to the figure. */
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

    /** Prints the plan of the SQL behind a ranking, so a slow figure can be read against it. */
    private void explain(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                System.out.println("[bench]   " + rs.getString(1));
            }
        }
    }

    private void generate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                    values ('BENCH', '基准市', 'CITY', null, '/BENCH/', 0, now(), now())""");
            s.execute("insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at) "
                    + "select 'BD' || lpad(d::text, 2, '0'), '区' || d, 'DISTRICT', 'BENCH', "
                    + "'/BENCH/BD' || lpad(d::text, 2, '0') || '/', 0, now(), now() from generate_series(1, " + DISTRICTS + ") d");
            s.execute("insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at) "
                    + "select 'BD' || lpad(d::text, 2, '0') || '-D' || lpad(p::text, 2, '0'), '区' || d || '部门' || p, 'DEPARTMENT', "
                    + "'BD' || lpad(d::text, 2, '0'), '/BENCH/BD' || lpad(d::text, 2, '0') || '/BD' || lpad(d::text, 2, '0') || '-D' || lpad(p::text, 2, '0') || '/', "
                    + "0, now(), now() from generate_series(1, " + DISTRICTS + ") d, generate_series(1, " + DEPARTMENTS + ") p");
            s.execute("insert into indicator (code, name, unit, kind, direction, frequency, actuals_due_day, version, created_at, updated_at) "
                    + "select 'BI' || lpad(i::text, 2, '0'), '指标' || i, case when i <= 30 then '个' else '%' end, "
                    + "case when i <= 30 then 'CUMULATIVE' when i <= 40 then 'GROWTH_RATE' else 'LEVEL' end, "
                    + "case when i % 10 = 0 then 'LOWER_IS_BETTER' else 'HIGHER_IS_BETTER' end, 'MONTHLY', 15, 0, now(), now() "
                    + "from generate_series(1, " + INDICATORS + ") i");
            s.execute("insert into target (indicator_code, org_unit_code, year, committed_value, stretch_value, responsible_unit_code, "
                    + "plan, colour, h1_reported, version, created_at, updated_at) "
                    + "select i.code, u.code, 2026, case when i.kind = 'CUMULATIVE' then 120 when i.kind = 'GROWTH_RATE' then 6.5 else 90 end, "
                    + "null, u.code, '[]'::jsonb, 'BLUE', false, 0, now(), now() "
                    + "from org_unit u cross join indicator i where u.type = 'DEPARTMENT' and u.code like 'BD%'");
            s.execute("insert into actual (target_id, period, end_month, value, status, revision, submitted_by, submitted_at, "
                    + "decided_by, decided_at, version) "
                    + "select t.id, '2026-' || lpad(m::text, 2, '0'), m, "
                    + "case when t.committed_value = 120 then 6 + (t.id % 9) else t.committed_value * (0.85 + (t.id % 30) / 100.0) end, "
                    + "'APPROVED', 1, 'bench', now(), 'bench', now(), 0 "
                    + "from target t cross join generate_series(1, 12) m where t.org_unit_code like 'BD%'");
            s.execute("update target t set approved_total = a.total, latest_period = '2026-12', latest_end_month = 12, latest_value = a.last, "
                    + "h1_total = a.h1, h1_value = a.june, h1_reported = true "
                    + "from (select target_id, sum(value) total, sum(value) filter (where end_month <= 6) h1, "
                    + "max(value) filter (where end_month = 12) last, max(value) filter (where end_month = 6) june "
                    + "from actual group by target_id) a where a.target_id = t.id and t.org_unit_code like 'BD%'");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }
}
