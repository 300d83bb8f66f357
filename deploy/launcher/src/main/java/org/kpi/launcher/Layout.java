package org.kpi.launcher;

import java.nio.file.Path;

/** Where things are: the repository root and the data folder (default {@code .kpi/}, git-ignored). */
record Layout(Path root, Path data) {

    Path pgData() {
        return data.resolve("pgdata");
    }

    Path logs() {
        return data.resolve("logs");
    }

    Path pids() {
        return data.resolve("pids");
    }

    Path launcherPid() {
        return data.resolve("launcher.pid");
    }

    Path state() {
        return data.resolve("state");
    }

    /** The git revision the running platform was started from. */
    Path revision() {
        return data.resolve("revision");
    }

    Path summary() {
        return data.resolve("summary.txt");
    }

    /** Every mail the local mailbox received, one {@code .eml} file each. */
    Path mail() {
        return data.resolve("mail");
    }

    Path demoMarkers() {
        return data.resolve("demo");
    }
}
