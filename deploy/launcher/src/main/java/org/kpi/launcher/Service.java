package org.kpi.launcher;

import java.nio.file.Path;

/** The three services the launcher runs, each on its own port with its own database. */
enum Service {
    TARGET("target-service", "目标与考核", 8081, "kpi_target"),
    TASK("task-service", "任务督办", 8082, "kpi_task"),
    NOTIFY("notify-service", "提醒", 8083, "kpi_notify");

    final String module;
    final String title;
    final int port;
    final String database;

    Service(String module, String title, int port, String database) {
        this.module = module;
        this.title = title;
        this.port = port;
        this.database = database;
    }

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
