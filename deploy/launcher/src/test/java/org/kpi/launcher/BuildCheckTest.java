package org.kpi.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuildCheckTest {

    private static final Instant SOURCES = Instant.now().minus(2, ChronoUnit.HOURS);
    private static final Instant BUILT = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path root;

    private final List<BuildCheck.Module> all = new ArrayList<>();

    /** A checkout whose every module was built after its sources were last changed. */
    @BeforeEach
    void builtCheckout() throws IOException {
        all.add(BuildCheck.LAUNCHER);
        all.addAll(BuildCheck.SERVICES);
        all.add(BuildCheck.CONSOLE);
        write("pom.xml", SOURCES);
        write(".mvn/wrapper/maven-wrapper.properties", SOURCES);
        write("platform-common/pom.xml", SOURCES);
        write("platform-common/src/main/java/org/kpi/common/Shared.java", SOURCES);
        write("deploy/launcher/pom.xml", SOURCES);
        write("deploy/launcher/src/main/java/org/kpi/launcher/Kpi.java", SOURCES);
        for (String service : List.of("target-service", "task-service", "notify-service")) {
            write(service + "/pom.xml", SOURCES);
            write(service + "/src/main/java/org/kpi/Main.java", SOURCES);
            write(service + "/src/main/resources/application.properties", SOURCES);
        }
        write("web-console/pom.xml", SOURCES);
        write("web-console/src/main/java/org/kpi/console/Main.java", SOURCES);
        write("web-console/src/main/webui/src/App.vue", SOURCES);
        write("web-console/src/main/webui/package-lock.json", SOURCES);
        write("deploy/routes.json", SOURCES);
        for (BuildCheck.Module module : all) {
            write(module.artifact(), BUILT);
        }
        write("web-console/target/quarkus-app/" + BuildCheck.CLASS_DATA, BUILT);
        for (String service : List.of("target-service", "task-service", "notify-service")) {
            write(service + "/target/quarkus-app/" + BuildCheck.CLASS_DATA, BUILT);
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(path, FileTime.from(SOURCES));
            }
        }
    }

    @Test
    void nothingIsRebuiltWhenEveryBuildIsNewerThanItsSources() {
        assertEquals(List.of(), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aModuleNeverBuiltIsStale() throws IOException {
        Files.delete(root.resolve("task-service/target/quarkus-app/" + BuildCheck.BUILT_STAMP));
        assertEquals(List.of("task-service"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aServiceBuiltWithoutItsClassDataArchiveIsStaleUnlessTheJdkCouldNotMakeOne() throws IOException {
        Files.delete(root.resolve("task-service/target/quarkus-app/" + BuildCheck.CLASS_DATA));
        assertEquals(List.of("task-service"), names(BuildCheck.stale(root, all)));
        write("task-service/target/quarkus-app/" + BuildCheck.NO_CLASS_DATA, BUILT);
        assertEquals(List.of(), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aSourceChangedSinceTheBuildMakesItsModuleStaleAndNoOther() throws IOException {
        touch("target-service/src/main/resources/application.properties");
        assertEquals(List.of("target-service"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aChangedModulePomMakesItsModuleStale() throws IOException {
        touch("notify-service/pom.xml");
        touch("deploy/launcher/pom.xml");
        assertEquals(List.of("deploy/launcher", "notify-service"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aChangeInPlatformCommonMakesEveryServiceStaleButNotTheLauncher() throws IOException {
        touch("platform-common/src/main/java/org/kpi/common/Shared.java");
        assertEquals(List.of("target-service", "task-service", "notify-service"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aChangedParentPomOrWrapperMakesEverythingStale() throws IOException {
        touch("pom.xml");
        assertEquals(names(all), names(BuildCheck.stale(root, all)));
        write("pom.xml", SOURCES);
        touch(".mvn/wrapper/maven-wrapper.properties");
        assertEquals(names(all), names(BuildCheck.stale(root, all)));
    }

    @Test
    void aDeletedSourceFileMakesItsModuleStale() throws IOException {
        Files.delete(root.resolve("task-service/src/main/java/org/kpi/Main.java"));
        assertEquals(List.of("task-service"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void theConsoleIsStaleWhenItsClientOrTheRoutingTableChangesButNotWhenNpmInstallsOrBuilds() throws IOException {
        write("web-console/src/main/webui/node_modules/vue/package.json", Instant.now());
        write("web-console/src/main/webui/dist/index.html", Instant.now());
        assertEquals(List.of(), names(BuildCheck.stale(root, all)));
        touch("web-console/src/main/webui/src/App.vue");
        assertEquals(List.of("web-console"), names(BuildCheck.stale(root, all)));
        write("web-console/target/quarkus-app/" + BuildCheck.BUILT_STAMP, Instant.now().plusSeconds(1));
        assertEquals(List.of(), names(BuildCheck.stale(root, all)));
        write("deploy/routes.json", Instant.now().plusSeconds(2));
        assertEquals(List.of("web-console"), names(BuildCheck.stale(root, all)));
    }

    @Test
    void buildOutputNewerThanTheApplicationDoesNotCount() throws IOException {
        write("target-service/target/classes/org/kpi/Main.class", Instant.now());
        write("deploy/launcher/target/lib/other.jar", Instant.now());
        assertEquals(List.of(), names(BuildCheck.stale(root, all)));
    }

    private void write(String relative, Instant modified) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** What an edit, a git pull or a checkout does to a file: a modification time of now. */
    private void touch(String relative) throws IOException {
        Files.setLastModifiedTime(root.resolve(relative), FileTime.from(Instant.now()));
    }

    private static List<String> names(List<BuildCheck.Module> modules) {
        return modules.stream().map(BuildCheck.Module::name).toList();
    }
}
