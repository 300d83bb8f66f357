package org.kpi.notify.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.notify.WebhookPeer;
import org.kpi.notify.delivery.DeliveryWorker;
import org.kpi.notify.reminders.ReminderSweep;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestClock;
import org.kpi.testing.TestTokens;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test of speed: {@code ./mvnw -Pbench -pl notify-service -am verify}. Loads
 * 1,000,000 projected tasks over 300 departments (10 districts × 30) in SQL, 10,000 of them due at
 * one of the default ladder's steps today (2,000 each at T−3, T−1, T+1, T+3, T+7), then reports
 * (a) the time of one sweep creating their 18,000 reminders and deliveries, median of 5, and of a
 * sweep with nothing new to do; (b) webhook deliveries per second to a signing sink on loopback
 * (12,000 per run, median of 3). Prints the figures and writes them to
 * {@code target/bench/notify.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ReminderBenchmark {

    static final int DISTRICTS = 10;
    static final int DEPARTMENTS = 30;
    static final int TASKS = 1_000_000;
    static final int DUE = 10_000;
    static final int SWEEP_RUNS = 5;
    static final int DELIVERY_RUNS = 3;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String SECRET = "bench-秘钥";

    @Inject
    NotifyFixture fixture;

    @Inject
    ReminderSweep sweep;

    @Inject
    DeliveryWorker worker;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    private final List<String> report = new ArrayList<>();

    @Test
    void sweepAMillionTasksAndDeliverToAWebhookSink() throws Exception {
        clock.set(TODAY, LocalTime.of(9, 0));
        orgTree();
        long loadStart = System.nanoTime();
        loadTasks();
        line("machine: %d cores, %s %s, Java %s; PostgreSQL embedded (17.6) on the same machine",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
        line("loaded %,d projected tasks (%,d due today at a ladder step) in %.1f s", TASKS, DUE,
                seconds(System.nanoTime() - loadStart));

        List<Double> sweeps = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        for (int run = 0; run < SWEEP_RUNS; run++) {
            reset();
            long start = System.nanoTime();
            ReminderSweep.SweepResult result = sweep.sweep();
            sweeps.add(seconds(System.nanoTime() - start));
            assertEquals(18_000, result.reminders(), "reminders of the due tasks");
            assertEquals(18_000, result.deliveries(), "one inbox delivery each");
            start = System.nanoTime();
            assertEquals(0, sweep.sweep().reminders(), "a second sweep adds nothing");
            idle.add(seconds(System.nanoTime() - start));
        }
        line("sweep creating 18,000 reminders and deliveries: median %.2f s (runs %s)", median(sweeps), runs(sweeps));
        line("sweep with nothing new (the steady state, every minute): median %.2f s (runs %s)", median(idle), runs(idle));

        try (WebhookPeer sink = new WebhookPeer(SECRET)) {
            for (int d = 1; d <= DISTRICTS; d++) {
                for (int k = 1; k <= DEPARTMENTS; k++) {
                    TestTokens.as("admin", "BC").body("{\"channels\":[{\"type\":\"WEBHOOK\",\"address\":\"" + sink.url()
                                    + "\",\"secret\":\"" + SECRET + "\"}]}")
                            .put("/api/v1/contacts/" + department(d, k)).then().statusCode(200);
                }
            }
            List<Double> rates = new ArrayList<>();
            int retried = 0;
            for (int run = 0; run < DELIVERY_RUNS; run++) {
                reset();
                clock.set(TODAY, LocalTime.of(9, 0));
                sweep.sweep();
                execute("update delivery set status = 'SENT', sent_at = now() where channel = 'INBOX'");
                long start = System.nanoTime();
                int sent = 0;
                DeliveryWorker.DrainResult result;
                do {
                    result = worker.drain();
                    sent += result.sent();
                } while (result.claimed() > 0);
                rates.add(sent / seconds(System.nanoTime() - start));
                // an attempt that failed (a timeout on this busy machine) is retried after its back-off
                retried += 12_000 - sent;
                for (int wait = 0; wait < 10 && sent < 12_000; wait++) {
                    clock.advance(Duration.ofHours(1));
                    sent += worker.drain().sent();
                }
                int all = sent;
                assertEquals(12_000, all, () -> "every webhook delivery sent; the others: " + rows(
                        "select status || ' ' || coalesce(last_error, '') || ' ×' || count(*) from delivery "
                                + "where channel = 'WEBHOOK' and status <> 'SENT' group by status, last_error"));
            }
            line("webhook deliveries to a signing sink on loopback: median %.0f per second (runs %s), 12,000 per run; "
                    + "%d of %d needed a second attempt, %d accepted twice by the sink (at-least-once)",
                    median(rates), runs(rates), retried, 12_000 * DELIVERY_RUNS, sink.acceptedTwice().size());
        }
        Path out = Path.of("target", "bench", "notify.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private void orgTree() {
        fixture.orgUnit("BC", "烟台市", "CITY", null);
        for (int d = 1; d <= DISTRICTS; d++) {
            fixture.orgUnit(district(d), "第" + d + "区", "DISTRICT", "BC");
            for (int k = 1; k <= DEPARTMENTS; k++) {
                fixture.orgUnit(department(d, k), "第" + d + "区第" + k + "局", "DEPARTMENT", district(d));
            }
        }
    }

    /** Department {@code i = g mod 300} leads task {@code g}; the next department of its district co-operates. */
    private void loadTasks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into task_projection (id, title, org_unit_code, lead_unit_code, co_unit_codes,
                         responsible_leader, start_date, due_date, reporting_cadence, status, open, version, updated_at)
                     select g, '推进重点项目建设第' || g || '项',
                            'BD' || lpad((1 + (g % 300) / 30)::text, 2, '0'),
                            'BD' || lpad((1 + (g % 300) / 30)::text, 2, '0') || '-' || lpad((1 + g % 30)::text, 2, '0'),
                            array['BD' || lpad((1 + (g % 300) / 30)::text, 2, '0') || '-'
                                  || lpad((1 + (g + 1) % 30)::text, 2, '0')]::varchar(32)[],
                            '张副区长', date '2026-01-01',
                            case when g <= ? then ?::date - (array[-3, -1, 1, 3, 7])[1 + g % 5]
                                 else ?::date + 30 + g % 300 end,
                            null, 'IN_PROGRESS', true, 1, now()
                       from generate_series(1, ?) g""")) {
            insert.setInt(1, DUE);
            insert.setObject(2, TODAY);
            insert.setObject(3, TODAY);
            insert.setInt(4, TASKS);
            insert.executeUpdate();
        }
        execute("analyze task_projection");
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        } catch (SQLException e) {
            rows.add(e.getMessage());
        }
        return rows;
    }

    private void reset() throws SQLException {
        execute("truncate inbox_message, delivery, reminder, ladder_state");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String district(int d) {
        return String.format(Locale.ROOT, "BD%02d", d);
    }

    private static String department(int d, int k) {
        return String.format(Locale.ROOT, "BD%02d-%02d", d, k);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[notify-bench] " + text);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String runs(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v)).toList().toString();
    }
}
