package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code ./kpi bench}: starts the platform on a fresh data folder of its own with the demo data,
 * and measures in one run on this machine
 * <ul>
 *   <li>how long the services take to become ready together, and each one started alone;</li>
 *   <li>the database's own limit: primary-key selects through JDBC (and {@code pgbench -S} when
 *       installed) on the same PostgreSQL;</li>
 *   <li>the API under a fixed number of connections: one task as a department, a filtered task
 *       list as a district supervisor, the dashboard as a leader, progress reports by two
 *       writers — requests per second, p50/p99 latency, the ratio to the database's rate and the
 *       service process's CPU time per request;</li>
 *   <li>each service's resident memory after the load.</li>
 * </ul>
 * The report is printed and kept in {@code .kpi/bench-results/}; with {@code --profile} each
 * service also leaves a JDK Flight Recording in the bench folder's {@code logs/}.
 */
final class Bench {

    private static final String DISTRICT = "370602";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    /** How many times each service is started alone; the median is reported. */
    private static final int ALONE_RUNS = 3;

    /** The share of one core below which the platform counts as idle before a start alone. */
    private static final double QUIET_SHARE = 0.05;

    /** The longest wait for the platform to go idle before a start alone. */
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);
    /** Unmeasured load right before each measurement, after the warm-up round. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Layout layout;
    private final int pgPort;
    private final Duration warmUp;
    private final Duration measure;
    private final int connections;
    private final int writers;
    private final Path results;
    private final boolean profile;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StringBuilder report = new StringBuilder();

    Bench(Layout layout, int pgPort, Duration warmUp, Duration measure, int connections, int writers, Path results,
          boolean profile) {
        this.profile = profile;
        this.layout = layout;
        this.pgPort = pgPort;
        this.warmUp = warmUp;
        this.measure = measure;
        this.connections = connections;
        this.writers = writers;
        this.results = results;
    }

    int run() throws Exception {
        deleteTree(layout.data());
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.pids());
        Platform platform = new Platform(layout, pgPort);
        if (profile) {
            platform.recordFlights(layout.logs());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "kpi-bench-shutdown"));
        try {
            line("KPI 平台基准测试 · %s · %s", LocalDateTime.now(SHANGHAI).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                    Revision.of(layout.root()).map(Revision::describe).orElse("版本未知"));
            line("机器：%d 核，%s，Java %s；连接数 %d（写 %d），预热 %d 秒，计时 %d 秒",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.version"), connections, writers, warmUp.toSeconds(), measure.toSeconds());
            Platform.Startup startup = platform.startAll();
            startupSection(platform, startup);
            loadSection(platform);
        } finally {
            platform.stopAll();
        }
        Files.createDirectories(results);
        Path file = results.resolve("bench-" + LocalDateTime.now(SHANGHAI)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("结果已保存：" + file);
        if (profile) {
            System.out.println("JFR 记录（jfr print / JDK Mission Control）：" + layout.logs() + "/*.jfr");
        }
        return 0;
    }

    private void startupSection(Platform platform, Platform.Startup startup) throws Exception {
        line("");
        line("== 启动（到 /q/health/ready 返回 200；类数据共享存档 app-cds.jsa：%s）==", Service.APIS.stream()
                .map(s -> s.module + (Files.exists(s.runnerJar(layout.root()).resolveSibling(BuildCheck.CLASS_DATA)) ? " 有" : " 无"))
                .collect(Collectors.joining("，")));
        line("三个服务同时启动：全部就绪 %.1f 秒（%s）", seconds(startup.allReady()),
                startup.ready().entrySet().stream()
                        .map(e -> e.getKey().module + " " + String.format("%.1f", seconds(e.getValue())))
                        .collect(Collectors.joining("，")));
        KeyPairFiles keys = new KeyPairFiles(layout.data());
        for (Service service : Service.APIS) {
            List<Duration> runs = new ArrayList<>();
            for (int run = 0; run < ALONE_RUNS; run++) {
                awaitQuiet(platform);
                runs.add(startAlone(platform, keys, service));
            }
            line("%-15s 单独启动（其余服务空闲，%d 次取中位数）：%.1f 秒（%s）", service.module, ALONE_RUNS,
                    seconds(runs.stream().sorted().toList().get(ALONE_RUNS / 2)),
                    runs.stream().map(d -> String.format("%.1f", seconds(d))).collect(Collectors.joining("，")));
        }
    }

    /**
     * Waits until the platform is idle (the services and PostgreSQL together use under
     * {@link #QUIET_SHARE} of one core over a second), at most {@link #QUIET_TIMEOUT}: after the
     * demo data is loaded, notify-service works through its feed and sends the first reminders for
     * a while, and a service started then would not be starting alone.
     */
    private void awaitQuiet(Platform platform) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        Duration before = platformCpu(platform);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Duration now = platformCpu(platform);
            if (now.minus(before).toMillis() < QUIET_SHARE * 1000) {
                return;
            }
            before = now;
        }
    }

    /** Starts a second instance of {@code service} on free ports while the platform idles; time to ready. */
    private Duration startAlone(Platform platform, KeyPairFiles keys, Service service) throws Exception {
        int port = freePort();
        int management = freePort();
        Path log = layout.logs().resolve(service.module + "-alone.log");
        long started = System.nanoTime();
        Process process = platform.launch(service, keys, port, management, log);
        try {
            while (!platform.ready("http://localhost:" + port)) {
                if (!process.isAlive() || System.nanoTime() - started > STARTUP_TIMEOUT.toNanos()) {
                    throw new IllegalStateException(service.module + " 单独启动失败，见 " + log);
                }
                Thread.sleep(20);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void loadSection(Platform platform) throws Exception {
        line("（CPU 毫秒/请求：被测服务进程的 CPU 时间 ÷ 请求数；全平台 CPU：三个服务与 PostgreSQL 全部进程的 CPU 时间 ÷ 请求数，"
                + "含事件流的消费方；压测客户端：本进程（负载生成器）的 CPU 时间 ÷ 请求数）");
        TokenMinter minter = new TokenMinter(new KeyPairFiles(layout.data()).loadPrivateKey());
        Duration ttl = Duration.ofHours(2);
        String supervisor = minter.mint("supervisor", DISTRICT, "bench-supervisor", "芝罘区督查室", ttl);
        String leader = minter.mint("leader", DISTRICT, "bench-leader", "芝罘区领导", ttl);
        List<JsonNode> open = items(Service.TASK, "/api/v1/tasks?status=ASSIGNED,IN_PROGRESS&size=100", supervisor);
        String busiest = open.stream()
                .collect(Collectors.groupingBy(task -> task.get("leadUnitCode").asText(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("演示数据中没有进行中的任务"));
        String department = minter.mint("department", busiest, "bench-department", busiest, ttl);
        List<Long> readable = ids(items(Service.TASK, "/api/v1/tasks?involvement=ANY&size=100", department));
        List<Long> leading = open.stream().filter(task -> task.get("leadUnitCode").asText().equals(busiest))
                .map(task -> task.get("id").asLong()).toList();
        List<Long> allTasks = ids(items(Service.TASK, "/api/v1/tasks?size=100", supervisor));
        String listUri = "/api/v1/tasks?status=ASSIGNED,IN_PROGRESS&dueBefore=" + LocalDate.now(SHANGHAI).getYear()
                + "-12-31&sort=dueDate&size=20";

        line("");
        line("== 数据库上限（同一 PostgreSQL，%d 个连接）==", connections);
        DatabaseLoad database = new DatabaseLoad(platform.pgPort());
        LoadResult jdbc = database.primaryKeySelects(Service.TASK.database, allTasks, connections, warmUp, measure);
        line("JDBC 主键查询（select * from task where id = ?，预编译）：%,.0f 次/秒，p50 %s，p99 %s",
                jdbc.perSecond(), millis(jdbc.p50()), millis(jdbc.p99()));
        Optional<Double> pgbench = database.pgbench(connections, measure);
        pgbench.ifPresentOrElse(
                tps -> line("pgbench -S -M prepared -c %d：%,.0f 次/秒", connections, tps),
                () -> line("pgbench：未安装（跳过；JDBC 的数字即为参照）"));
        double limit = Math.max(jdbc.perSecond(), pgbench.orElse(0.0));
        line("参照值（两者中较高者）：%,.0f 次/秒", limit);

        line("");
        line("== API（%d 个保持连接的闭环客户端；写入 %d 个；先逐个场景预热 %d 秒，再逐个计时 %d 秒）==", connections, writers,
                warmUp.toSeconds(), measure.toSeconds());
        line("%-44s %10s %9s %9s %8s %12s %14s %10s %6s", "场景", "请求/秒", "p50", "p99", "÷数据库", "CPU 毫秒/请求",
                "全平台 CPU", "压测客户端", "失败");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("GET /api/v1/tasks/{id}（部门）", new Scenario(Service.TASK, connections,
                () -> HttpLoad.Call.get("/api/v1/tasks/" + pick(readable), department)));
        scenarios.put("GET /api/v1/tasks 20 条、带筛选（区督查室）", new Scenario(Service.TASK, connections,
                () -> HttpLoad.Call.get(listUri, supervisor)));
        scenarios.put("GET /api/v1/dashboard（区领导）", new Scenario(Service.TARGET, connections,
                () -> HttpLoad.Call.get("/api/v1/dashboard", leader)));
        AtomicLong written = new AtomicLong();
        scenarios.put("POST /api/v1/tasks/{id}/progress-reports（部门）", new Scenario(Service.TASK, writers,
                () -> HttpLoad.Call.post("/api/v1/tasks/" + pick(leading) + "/progress-reports", department,
                        "{\"text\":\"基准测试进展 " + written.incrementAndGet() + "：项目按计划推进\",\"percentDone\":50}")));
        try (HttpLoad load = new HttpLoad()) {
            // a first round unmeasured: the services' JIT compilers finish their work on every path
            for (Scenario scenario : scenarios.values()) {
                load.run(scenario.service().port, scenario.connections(), scenario.calls(), warmUp, Duration.ofSeconds(1),
                        () -> { });
            }
            for (Map.Entry<String, Scenario> entry : scenarios.entrySet()) {
                Scenario scenario = entry.getValue();
                ProcessHandle process = platform.processes().get(scenario.service()).toHandle();
                Duration[] before = new Duration[3];
                LoadResult result = load.run(scenario.service().port, scenario.connections(), scenario.calls(),
                        SETTLE, measure, () -> {
                            before[0] = cpu(process);
                            before[1] = platformCpu(platform);
                            before[2] = cpu(ProcessHandle.current());
                        });
                double cpuPerRequest = (cpu(process).minus(before[0]).toNanos() / 1e6) / result.count();
                double platformPerRequest = (platformCpu(platform).minus(before[1]).toNanos() / 1e6) / result.count();
                double clientPerRequest = (cpu(ProcessHandle.current()).minus(before[2]).toNanos() / 1e6)
                        / result.count();
                line("%-44s %,10.0f %9s %9s %8.3f %12.3f %14.3f %10.3f %6d%s", entry.getKey(), result.perSecond(),
                        millis(result.p50()), millis(result.p99()), result.perSecond() / limit, cpuPerRequest,
                        platformPerRequest, clientPerRequest, result.failures(),
                        result.failures() == 0 ? "" : "（按状态码：" + result.failedByStatus() + "）");
            }
        }

        line("");
        line("== 内存（常驻内存 RSS：负载刚结束时，及空闲 %d 秒后；内存参数 %s%s）==", IDLE_AFTER_LOAD.toSeconds(),
                String.join(" ", Platform.memoryOptions()),
                System.getenv("KPI_JAVA_OPTS") == null ? "，MALLOC_ARENA_MAX=" + Platform.MALLOC_ARENAS : "");
        Map<Service, String> atEnd = new LinkedHashMap<>();
        for (Service service : Service.APIS) {
            atEnd.put(service, residentMemory(platform.processes().get(service).pid()));
        }
        // the JVM hands freed native memory back to the system every few seconds (TrimNativeHeapInterval)
        Thread.sleep(IDLE_AFTER_LOAD.toMillis());
        for (Service service : Service.APIS) {
            long pid = platform.processes().get(service).pid();
            line("%-15s %s；空闲后 %s", service.module, atEnd.get(service), residentMemory(pid));
            if (profile || Platform.memoryOptions().stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
                nativeMemory(pid, layout.logs().resolve(service.module + "-memory.txt"));
            }
        }
    }

    /** How long the platform idles after the load before resident memory is read a second time. */
    private static final Duration IDLE_AFTER_LOAD = Duration.ofSeconds(10);

    private record Scenario(Service service, int connections, Supplier<HttpLoad.Call> calls) {
    }

    private List<JsonNode> items(Service service, String uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " 返回 " + response.statusCode() + "：" + response.body());
        }
        return StreamSupport.stream(mapper.readTree(response.body()).get("items").spliterator(), false).toList();
    }

    private static List<Long> ids(List<JsonNode> items) {
        List<Long> ids = new ArrayList<>(items.stream().map(item -> item.get("id").asLong()).toList());
        if (ids.isEmpty()) {
            throw new IllegalStateException("演示数据中没有可用的任务");
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private static long pick(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** The CPU time of the three services and of PostgreSQL with its backends, so far. */
    private Duration platformCpu(Platform platform) {
        Duration total = Duration.ZERO;
        for (Process service : platform.processes().values()) {
            total = total.plus(cpu(service.toHandle()));
        }
        Optional<ProcessHandle> postmaster = platform.postmaster();
        if (postmaster.isPresent()) {
            total = total.plus(cpu(postmaster.get()));
            for (ProcessHandle child : postmaster.get().descendants().toList()) {
                total = total.plus(cpu(child));
            }
        }
        return total;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** {@code VmRSS} of a Linux process, or a note where /proc is not there. */
    static String residentMemory(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.0f MB", kib / 1024.0);
                }
            }
            return "（未知）";
        } catch (IOException | NumberFormatException e) {
            return "（此系统无 /proc，无法读取）";
        }
    }

    /** What the JVM says it holds natively (with -XX:NativeMemoryTracking=summary in KPI_JAVA_OPTS), into {@code file}. */
    private static void nativeMemory(long pid, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return;
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String millis(Duration duration) {
        return String.format("%.2f ms", duration.toNanos() / 1e6);
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
