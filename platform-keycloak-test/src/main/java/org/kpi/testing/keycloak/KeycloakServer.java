package org.kpi.testing.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests of the {@code keycloak} profile: the distribution from Maven
 * Central (unpacked by the profile, {@code kpi.keycloak.home}), run in development mode on an
 * in-memory database with a Java 21 or newer, importing the platform's realm
 * ({@code deploy/keycloak/kpi-realm.json}) with a fresh demo password and feed-client secret.
 *
 * <p>Init argument {@code for}: {@code console} gives the console under test a fixed port (the
 * realm's redirect address names it) and its provider sign-in; {@code service} (the default)
 * points a service's token verification at the realm's JWKS and its feed client at the realm's
 * client-credentials grant.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    /** The demo users' password in this run. */
    public static final String PASSWORD = "pw-" + UUID.randomUUID();
    /** The feed client's secret in this run. */
    public static final String SERVICE_SECRET = "secret-" + UUID.randomUUID();

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static String realmUrl;
    private static int consolePort;

    private Process process;
    private String purpose = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        purpose = initArgs.getOrDefault("for", "service");
    }

    /** The realm's address, e.g. {@code http://localhost:41234/realms/kpi}. */
    public static String realmUrl() {
        return realmUrl;
    }

    /** The port the console under test listens on. */
    public static int consolePort() {
        return consolePort;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path home = Path.of(System.getProperty("kpi.keycloak.home", ""));
            if (!Files.exists(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("no Keycloak distribution at kpi.keycloak.home=" + home
                        + ": run the keycloak profile (./mvnw -Pkeycloak …)");
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of(System.getProperty("kpi.keycloak.realm-file", "../deploy/keycloak/kpi-realm.json")),
                    imports.resolve("kpi-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            consolePort = freePort();
            // through bash: an unpacked archive may not keep the script's executable bit
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-port=" + port, "--db=dev-mem", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/keycloak-" + purpose + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", java21().toString());
            env.put("KPI_DEMO_PASSWORD", PASSWORD);
            env.put("KPI_SERVICE_CLIENT_SECRET", SERVICE_SECRET);
            env.put("KPI_CONSOLE_URL", "http://localhost:" + consolePort);
            env.put("JAVA_OPTS_APPEND", "-Xmx512m");
            process = builder.start();
            realmUrl = "http://localhost:" + port + "/realms/kpi";
            awaitRealm();
            Map<String, String> config = new HashMap<>();
            if (purpose.equals("console")) {
                config.put("quarkus.http.test-port", Integer.toString(consolePort));
                config.put("quarkus.oidc.auth-server-url", realmUrl);
            } else {
                config.put("mp.jwt.verify.publickey.location", realmUrl + "/protocol/openid-connect/certs");
                config.put("mp.jwt.verify.issuer", realmUrl);
                config.put("quarkus.oidc-client.client-enabled", "true");
                config.put("quarkus.oidc-client.auth-server-url", realmUrl);
                config.put("quarkus.oidc-client.credentials.secret", SERVICE_SECRET);
            }
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The token response of the realm's password grant for a demo user (through the {@code kpi-cli} client). */
    public static String passwordGrant(String username) {
        return post("/protocol/openid-connect/token", "grant_type=password&client_id=kpi-cli&scope=openid&username="
                + username + "&password=" + PASSWORD);
    }

    private static String post(String path, String form) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak-" + purpose + ".log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT);
    }

    /** A JDK of version 21 or newer: kpi.keycloak.java-home, KPI_KEYCLOAK_JAVA_HOME, or one under /usr/lib/jvm. */
    static Path java21() throws IOException {
        Optional<String> configured = Optional.ofNullable(System.getProperty("kpi.keycloak.java-home"))
                .filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("KPI_KEYCLOAK_JAVA_HOME")));
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                list.sorted().forEach(candidates::add);
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("bin/java")) && majorVersion(candidate) >= 21) {
                return candidate;
            }
        }
        throw new IllegalStateException("Keycloak needs Java 21 or newer: set KPI_KEYCLOAK_JAVA_HOME");
    }

    private static int majorVersion(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.exists(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
