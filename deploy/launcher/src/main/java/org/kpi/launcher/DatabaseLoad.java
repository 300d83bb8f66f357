package org.kpi.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit on the same PostgreSQL the services use: primary-key selects of one
 * task row through plain JDBC (prepared statements, one connection per client thread), and
 * {@code pgbench -S} when pgbench is installed.
 */
final class DatabaseLoad {

    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final int port;

    DatabaseLoad(int port) {
        this.port = port;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "postgres");
    }

    /** Selects task rows by a random id of {@code ids} over {@code clients} connections. */
    LoadResult primaryKeySelects(String database, List<Long> ids, int clients, Duration warmUp, Duration measure)
            throws Exception {
        runClients(database, ids, clients, System.nanoTime() + warmUp.toNanos(), null);
        LoadRecorder recorder = new LoadRecorder();
        long started = System.nanoTime();
        runClients(database, ids, clients, started + measure.toNanos(), recorder);
        return recorder.result(Duration.ofNanos(System.nanoTime() - started));
    }

    private void runClients(String database, List<Long> ids, int clients, long endNanos, LoadRecorder recorder)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(database);
                     PreparedStatement select = connection.prepareStatement("select * from task where id = ?")) {
                    while (System.nanoTime() < endNanos) {
                        long sent = System.nanoTime();
                        select.setLong(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        boolean found;
                        try (ResultSet row = select.executeQuery()) {
                            found = row.next();
                        }
                        if (recorder != null) {
                            recorder.record(System.nanoTime() - sent, found ? 200 : 404);
                        }
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "bench-jdbc-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * {@code pgbench -S} (prepared, {@code clients} clients) on a database of its own, or empty
     * when pgbench is not installed.
     */
    Optional<Double> pgbench(int clients, Duration measure) throws IOException, InterruptedException, SQLException {
        Optional<String> pgbench = Bench.onPath("pgbench");
        if (pgbench.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = connect("postgres")) {
            connection.createStatement().execute("drop database if exists kpi_pgbench");
            connection.createStatement().execute("create database kpi_pgbench");
        }
        run(List.of(pgbench.get(), "-i", "-q", "-s", "10", "-h", "localhost", "-p", Integer.toString(port), "-U",
                "postgres", "kpi_pgbench"));
        String out = run(List.of(pgbench.get(), "-S", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Long.toString(measure.toSeconds()), "-h", "localhost", "-p", Integer.toString(port), "-U",
                "postgres", "kpi_pgbench"));
        Matcher tps = PGBENCH_TPS.matcher(out);
        if (!tps.find()) {
            throw new IOException("pgbench 的输出中没有 tps：" + out);
        }
        return Optional.of(Double.parseDouble(tps.group(1)));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " 失败：" + out);
        }
        return out;
    }
}
