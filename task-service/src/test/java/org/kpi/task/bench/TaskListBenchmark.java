package org.kpi.task.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark, not a test of speed: run with {@code ./mvnw -o -B -Pbench -pl task-service verify}
 * (see BENCHMARK.md). Bulk-inserts 200,000 tasks over 800 departments (20 districts × 40) in SQL
 * — each with a lead, two co-units and a milestone — then reports the median time over HTTP of
 * a department's filtered task list (page of 20) and of a district's overdue query.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class TaskListBenchmark {

    static final int DISTRICTS = 20;
    static final int DEPARTMENTS = 40;
    static final int TASKS = 200_000;
    static final int WARMUP = 50;
    static final int RUNS = 101;

    static final String ENCODED_CATEGORY = URLEncoder.encode("产业", StandardCharsets.UTF_8);

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    private final HttpClient client = HttpClient.newHttpClient();
    private String baseUrl;

    @Test
    void departmentListAndOverdueQueryMedians() throws Exception {
        baseUrl = root.toString().replaceAll("/$", "");
        long started = System.nanoTime();
        generate();
        System.out.printf("%n[bench] generated %,d tasks over %d departments in %.1f s%n", TASKS,
                DISTRICTS * DEPARTMENTS, (System.nanoTime() - started) / 1e9);

        String department = TestTokens.token("department", "TB07-D13");
        double departmentList = median("/api/v1/tasks?involvement=ANY&status=IN_PROGRESS,ASSIGNED&category=产业"
                        + "&dueBefore=2026-12-31&sort=dueDate&page=0&size=20", department,
                response -> {
                    assertEquals(20, response.jsonPath().getList("items").size());
                    assertTrue(response.jsonPath().getLong("total") > 20);
                });
        String supervisor = TestTokens.token("supervisor", "TB07");
        double overdue = median("/api/v1/tasks?overdue=true&sort=nextDueDate&size=20", supervisor,
                response -> assertTrue(response.jsonPath().getLong("total") > 1000));
        long overdueTotal = RestAssured.given().auth().oauth2(supervisor)
                .get("/api/v1/tasks?overdue=true&size=1").jsonPath().getLong("total");
        double overdueDepartment = median("/api/v1/tasks?overdue=true&sort=nextDueDate&size=20", department,
                response -> assertTrue(response.jsonPath().getLong("total") > 20));
        String city = TestTokens.token("supervisor", "TBENCH");
        double overdueCity = median("/api/v1/tasks?overdue=true&colour=RED&sort=nextDueDate&size=20", city,
                response -> assertTrue(response.jsonPath().getLong("total") > 10_000));
        double departmentListOne = median("/api/v1/tasks?involvement=ANY&status=IN_PROGRESS,ASSIGNED&category=产业"
                        + "&dueBefore=2026-12-31&sort=dueDate&page=0&size=1", department,
                response -> assertEquals(1, response.jsonPath().getList("items").size()));
        double baseline = median("/api/v1/org-units/TB07-D13", department,
                response -> assertEquals(200, response.statusCode()));
        int bytes = RestAssured.given().auth().oauth2(department).get("/api/v1/tasks?involvement=ANY"
                + "&status=IN_PROGRESS,ASSIGNED&category=产业&dueBefore=2026-12-31&sort=dueDate&page=0&size=20")
                .asByteArray().length;

        // the statements TaskSearch sends for (a) and (b), with literals instead of parameters
        explain("(a) department list", "with f as materialized (select t.id, t.due_date as sort_key from task t "
                + "where (t.id in (select v.task_id from task_unit v where v.unit_code = 'TB07-D13')) "
                + "and t.status in ('IN_PROGRESS', 'ASSIGNED') and t.due_date <= date '2026-12-31' "
                + "and t.category = '产业') select f.id, (select count(*) from f) from f "
                + "order by f.sort_key asc, f.id asc limit 20");
        explain("(b) district overdue", "with f as materialized (select t.id, t.next_due_date as sort_key "
                + "from task t where (t.org_path ~>=~ '/TBENCH/TB07/' and t.org_path ~<~ '/TBENCH/TB070') "
                + "and t.status in ('ASSIGNED', 'IN_PROGRESS') and t.next_due_date < date '2026-11-23') "
                + "select f.id, (select count(*) from f) from f order by f.sort_key asc, f.id asc limit 20");
        System.out.printf("[bench] machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("[bench] baseline (one org unit over HTTP): median %.1f ms; a page of 20 tasks is %,d bytes%n",
                baseline, bytes);
        System.out.printf("[bench] (a) department task list, page of 20, filters on: median %.1f ms over %d runs"
                + " (target < 20 ms)%n", departmentList, RUNS);
        System.out.printf("[bench] (b) overdue query of a district supervisor (10,000 tasks, %,d overdue): median %.1f ms over %d"
                + " runs (target < 20 ms)%n", overdueTotal, overdue, RUNS);
        System.out.printf("[bench]     the same department list, page of 1: median %.1f ms%n", departmentListOne);
        System.out.printf("[bench]     overdue query of a department: median %.1f ms%n", overdueDepartment);
        System.out.printf("[bench]     red overdue tasks of the whole city (200,000 tasks): median %.1f ms%n%n",
                overdueCity);
    }

    /**
     * The median wall time of a GET over HTTP (java.net.http, keep-alive), after a warm-up; the
     * first response is checked with REST Assured so a wrong answer cannot look fast.
     */
    private double median(String path, String token, Consumer<Response> check) throws Exception {
        Response first = RestAssured.given().auth().oauth2(token).get(path);
        assertEquals(200, first.statusCode(), first.asString());
        check.accept(first);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path.replace("产业", ENCODED_CATEGORY)))
                .header("Authorization", "Bearer " + token).GET().build();
        for (int i = 0; i < WARMUP; i++) {
            send(request);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            send(request);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(RUNS / 2);
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
    }

    private void explain(String name, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            explain(s, name, sql);
        }
    }

    private static void explain(Statement s, String name, String sql) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            System.out.println("[bench] plan of " + name + ":");
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
                    values ('TBENCH', '基准市', 'CITY', null, '/TBENCH/', 0, now(), now())""");
            s.execute("""
                    insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                    select 'TB' || lpad(d::text, 2, '0'), '区' || d, 'DISTRICT', 'TBENCH',
                           '/TBENCH/TB' || lpad(d::text, 2, '0') || '/', 0, now(), now()
                    from generate_series(1, %d) d""".formatted(DISTRICTS));
            s.execute("""
                    insert into org_unit (code, name, type, parent_code, path, version, created_at, updated_at)
                    select 'TB' || lpad(d::text, 2, '0') || '-D' || lpad(p::text, 2, '0'), '区' || d || '部门' || p,
                           'DEPARTMENT', 'TB' || lpad(d::text, 2, '0'),
                           '/TBENCH/TB' || lpad(d::text, 2, '0') || '/TB' || lpad(d::text, 2, '0') || '-D'
                               || lpad(p::text, 2, '0') || '/', 0, now(), now()
                    from generate_series(1, %d) d, generate_series(1, %d) p""".formatted(DISTRICTS, DEPARTMENTS));
            // task i: district 1 + i % 20, lead department 1 + (i / 20) % 40, co-units 7 and 13 further on;
            // status, due date and category vary independently of district and department
            s.execute("""
                    create temporary table bench_plan on commit drop as
                    select (select coalesce(max(id), 0) from task) + i as id, i,
                           'TB' || lpad((1 + i %% %1$d)::text, 2, '0') as district,
                           1 + (i / %1$d) %% %2$d as lead,
                           1 + ((i / %1$d) + 7) %% %2$d as co1,
                           1 + ((i / %1$d) + 13) %% %2$d as co2,
                           date '2026-03-01' + ((i / 7) %% 300) as due,
                           case (i / 800) %% 10 when 0 then 'DRAFT' when 6 then 'ASSIGNED' when 7 then 'CLOSURE_REQUESTED'
                                        when 8 then 'CLOSED' when 9 then 'CANCELLED' else 'IN_PROGRESS' end as status,
                           case (i / 3) %% 3 when 0 then '产业' when 1 then '民生' else '底线' end as category
                    from generate_series(1, %3$d) i""".formatted(DISTRICTS, DEPARTMENTS, TASKS));
            s.execute("""
                    insert into task (id, title, description, category, source, org_unit_code, org_path, lead_unit_code,
                                      responsible_leader, start_date, due_date, reporting_cadence, quantity_value,
                                      quantity_unit, status, next_due_date, created_by, version, created_at, updated_at)
                    select id, '基准任务 ' || i, '批量生成', category, '工作计划', district, '/TBENCH/' || district || '/',
                           district || '-D' || lpad(lead::text, 2, '0'), '区领导', date '2026-01-01', due,
                           case i % 3 when 0 then 'WEEKLY' when 1 then 'MONTHLY' else 'NONE' end, 100, '个', status,
                           due - (i % 45), 'bench', 0, now(), now()
                    from bench_plan order by i""");
            s.execute("""
                    insert into task_unit (task_id, unit_code, role, unit_path)
                    select p.id, u.code, r.role, u.path
                    from bench_plan p
                    cross join lateral (values ('LEAD', p.lead), ('CO', p.co1), ('CO', p.co2)) r(role, dept)
                    join org_unit u on u.code = p.district || '-D' || lpad(r.dept::text, 2, '0')""");
            s.execute("select setval(pg_get_serial_sequence('task', 'id'), (select max(id) from task))");
            s.execute("""
                    insert into task_milestone (task_id, position, title, due_date)
                    select id, 0, '阶段节点', next_due_date from task where created_by = 'bench'""");
            c.commit();
            // steady state, as autovacuum would leave it: statistics and the visibility map
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }
}
