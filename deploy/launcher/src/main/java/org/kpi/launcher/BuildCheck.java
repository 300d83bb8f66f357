package org.kpi.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which modules {@code ./kpi} must build before it runs them: a module is stale when its built
 * application (for a service, the {@value #BUILT_STAMP} stamp {@code ./kpi} leaves beside it) is
 * missing, or older than any of its inputs — its own {@code src/} and
 * {@code pom.xml}, those of the modules it is built from, the parent {@code pom.xml} and the
 * Maven wrapper settings. A {@code git pull} or {@code git checkout} gives every file it changes
 * a new modification time, so what was pulled is always newer than yesterday's build; a deleted
 * file changes its folder's time. A service is also stale when its build left neither a class-data
 * archive ({@value #CLASS_DATA}) nor the note that the JDK could not make one ({@value #NO_CLASS_DATA}):
 * a plain {@code ./mvnw package} or {@code verify} rebuilds the application without the archive,
 * and each service would then start about a second later.
 *
 * <p>The {@code kpi} script asks the launcher jar it has ({@code BuildCheck ROOT}) whether the
 * launcher itself must be rebuilt, then the fresh launcher ({@code BuildCheck ROOT --services})
 * which services must: no compiling on the common path, where nothing changed.
 */
public final class BuildCheck {

    /**
     * A module as Maven's {@code -pl} names it, the file its build produces, what it is built from,
     * and files of which one must lie beside the artifact (none required when empty).
     */
    public record Module(String name, String artifact, List<String> inputs, List<String> besideOneOf) {
    }

    /** The class-data archive {@code ./kpi} has Quarkus build beside a service's {@code quarkus-run.jar}. */
    public static final String CLASS_DATA = "app-cds.jsa";

    /**
     * The file {@code ./kpi} leaves beside a service's {@code quarkus-run.jar}, dated when its build
     * began: the jar itself keeps its own time, which its class-data archive checks.
     */
    public static final String BUILT_STAMP = "kpi-built";

    /** What {@code ./kpi} leaves beside {@code quarkus-run.jar} when the JDK made no class-data archive. */
    public static final String NO_CLASS_DATA = "no-app-cds";

    private static final List<String> SHARED = List.of("pom.xml", ".mvn");
    private static final List<String> COMMON = List.of("platform-common/pom.xml", "platform-common/src");

    /** The launcher, built for every command. */
    public static final Module LAUNCHER = new Module("deploy/launcher", "deploy/launcher/target/kpi-launcher.jar",
            List.of("deploy/launcher/pom.xml", "deploy/launcher/src"), List.of());

    /** The services {@code ./kpi up} starts. */
    public static final List<Module> SERVICES = List.of(service("target-service"), service("task-service"),
            service("notify-service"));

    /**
     * The web console: its Java side, its client's sources and lock file, and the routing table.
     * Not {@code node_modules} or the client's build output, which the build itself rewrites.
     */
    public static final Module CONSOLE = new Module("web-console", "web-console/target/quarkus-app/" + BUILT_STAMP,
            List.of("web-console/pom.xml", "web-console/src/main/java", "web-console/src/main/resources",
                    "web-console/src/main/webui/src", "web-console/src/main/webui/index.html",
                    "web-console/src/main/webui/package.json", "web-console/src/main/webui/package-lock.json",
                    "web-console/src/main/webui/vite.config.ts", "web-console/src/main/webui/tsconfig.json",
                    "deploy/routes.json"),
            List.of(CLASS_DATA, NO_CLASS_DATA));

    private BuildCheck() {
    }

    private static Module service(String name) {
        List<String> inputs = new ArrayList<>(COMMON);
        inputs.add(name + "/pom.xml");
        inputs.add(name + "/src");
        return new Module(name, name + "/target/quarkus-app/" + BUILT_STAMP, List.copyOf(inputs),
                List.of(CLASS_DATA, NO_CLASS_DATA));
    }

    /** The modules among {@code modules} whose build under {@code root} is missing or older than an input. */
    public static List<Module> stale(Path root, List<Module> modules) {
        List<Module> stale = new ArrayList<>();
        for (Module module : modules) {
            if (isStale(root, module)) {
                stale.add(module);
            }
        }
        return stale;
    }

    static boolean isStale(Path root, Module module) {
        Path artifact = root.resolve(module.artifact());
        if (!Files.isRegularFile(artifact)) {
            return true;
        }
        if (!module.besideOneOf().isEmpty()
                && module.besideOneOf().stream().noneMatch(name -> Files.exists(artifact.resolveSibling(name)))) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(artifact);
            List<String> inputs = new ArrayList<>(SHARED);
            inputs.addAll(module.inputs());
            for (String input : inputs) {
                if (newerThan(root.resolve(input), built)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compare " + module.name() + " with its sources", e);
        }
    }

    /** Whether {@code input} (a file, or a folder and everything in it) was modified after {@code built}. */
    private static boolean newerThan(Path input, FileTime built) throws IOException {
        if (!Files.exists(input)) {
            return false;
        }
        boolean[] newer = {false};
        Files.walkFileTree(input, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return visit(attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return visit(attrs);
            }

            private FileVisitResult visit(BasicFileAttributes attrs) {
                if (attrs.lastModifiedTime().compareTo(built) > 0) {
                    newer[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return newer[0];
    }

    /**
     * Prints the stale modules under {@code ROOT}, comma-separated for {@code ./mvnw -pl}, or
     * nothing: the launcher, with {@code --services} the services, with {@code --console} the console.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("用法：java -cp kpi-launcher.jar org.kpi.launcher.BuildCheck ROOT [--services|--console]");
            System.exit(2);
        }
        List<Module> modules = args.length < 2 ? List.of(LAUNCHER)
                : switch (args[1]) {
                    case "--services" -> SERVICES;
                    case "--console" -> List.of(CONSOLE);
                    default -> List.of(LAUNCHER);
                };
        System.out.println(String.join(",", stale(Path.of(args[0]), modules).stream().map(Module::name).toList()));
    }
}
