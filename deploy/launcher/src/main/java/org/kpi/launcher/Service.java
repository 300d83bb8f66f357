package org.kpi.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What the launcher runs: the three services, each on its own port with its own database, and the
 * web console, the single entry point for browsers (no database; started when it is built, which
 * needs Node).
 */
enum Service {
    TARGET("target-service", "目标与考核", 8081, 9081, "kpi_target"),
    TASK("task-service", "任务督办", 8082, 9082, "kpi_task"),
    NOTIFY("notify-service", "提醒", 8083, 9083, "kpi_notify"),
    CONSOLE("web-console", "控制台", 8080, 9080, null);

    /** The three services with an API and a database, in start order. */
    static final List<Service> APIS = List.of(TARGET, TASK, NOTIFY);

    final String module;
    final String title;
    final int port;
    /** The management interface (metrics), as each service's application.properties sets it. */
    final int managementPort;
    /** The service's database; {@code null} for the console, which has none. */
    final String database;

    Service(String module, String title, int port, int managementPort, String database) {
        this.module = module;
        this.title = title;
        this.port = port;
        this.managementPort = managementPort;
        this.database = database;
    }

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
