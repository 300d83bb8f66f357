package org.kpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTest {

    @TempDir
    Path data;

    @Test
    void runningOnlyWhileALauncherOrServiceOfTheDataFolderLives() throws Exception {
        Layout layout = new Layout(data, data);
        Platform platform = new Platform(layout, 5439);
        assertFalse(platform.running());

        Files.createDirectories(layout.pids());
        Path servicePid = layout.pids().resolve("task-service.pid");
        Files.writeString(servicePid, Long.toString(ProcessHandle.current().pid()));
        assertTrue(platform.running());

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(servicePid, Long.toString(ended.pid()));
        assertFalse(platform.running(), "a pid file left by a process that ended");

        Files.writeString(layout.launcherPid(), Long.toString(ProcessHandle.current().pid()));
        assertTrue(platform.running());
    }

    @Test
    void aSecondCopyOfAServiceCountsAsRunningToo() throws Exception {
        Layout layout = new Layout(data, data);
        Platform platform = new Platform(layout, 5439);
        Files.createDirectories(layout.pids());
        Files.writeString(layout.pids().resolve(new Instance(Service.NOTIFY, 2).name() + ".pid"),
                Long.toString(ProcessHandle.current().pid()));
        assertTrue(platform.running(), "./kpi down and the build guard must see the replicas as well");
    }

    @Test
    void copiesOfAServiceAreAHundredPortsApart() {
        Instance second = new Instance(Service.TASK, 2);
        assertEquals(8182, second.port());
        assertEquals(9182, second.managementPort());
        assertEquals("task-service-2", second.name());
        assertEquals("task-service", Instance.first(Service.TASK).name());
        assertThrows(IllegalArgumentException.class, () -> new Instance(Service.TASK, 4));
        assertThrows(IllegalArgumentException.class, () -> new Platform(new Layout(data, data), 5439).replicas(0));
    }
}
