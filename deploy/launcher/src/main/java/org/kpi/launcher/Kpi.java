package org.kpi.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kpi} — runs the whole platform locally on embedded PostgreSQL.
 * <pre>
 *   ./kpi up [--detach] [--data DIR] [--pg-port PORT] [--replicas N]
 *   ./kpi down
 *   ./kpi status
 *   ./kpi token --role ROLE --org CODE [--ttl MINUTES] [--sub NAME]
 *   ./kpi mail [--last N]
 *   ./kpi realm [--out FILE]
 *   ./kpi manifests [--out DIR]
 *   ./kpi bench [--seconds S] [--warm-up S] [--connections N] [--writers N] [--pg-port PORT] [--profile]
 * </pre>
 */
public final class Kpi {

    /** The Keycloak realm the launcher writes, relative to the project root. */
    static final String REALM_FILE = "deploy/keycloak/kpi-realm.json";

    private Kpi() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage();
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> options = new HashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--detach") || arg.equals("-d")) {
                flags.add("detach");
            } else if (arg.equals("--profile")) {
                flags.add("profile");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                fail("无法识别的参数：" + arg);
            }
        }
        Path root = Path.of(System.getProperty("kpi.root", ".")).toAbsolutePath().normalize();
        String home = options.getOrDefault("data", System.getenv().getOrDefault("KPI_HOME", root.resolve(".kpi").toString()));
        Layout layout = new Layout(root, Path.of(home).toAbsolutePath().normalize());
        int pgPort = Integer.parseInt(options.getOrDefault("pg-port", System.getenv().getOrDefault("KPI_PG_PORT", "5439")));
        try {
            int code = switch (args[0]) {
                case "up" -> up(layout, pgPort, options, flags.contains("detach"));
                case "down" -> new Platform(layout, pgPort).down();
                case "status" -> new Platform(layout, pgPort).status();
                // for the kpi script: whether services of this data folder run (their build must not be replaced)
                case "running" -> new Platform(layout, pgPort).running() ? 0 : 1;
                case "token" -> token(layout, options);
                case "mail" -> mail(layout, options);
                case "realm" -> realm(layout, options);
                case "manifests" -> manifests(layout, options);
                case "bench" -> bench(layout, pgPort, options, flags.contains("profile"));
                default -> {
                    usage();
                    yield 2;
                }
            };
            System.exit(code);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            System.err.println("出错了：" + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts the platform; {@code --replicas N} runs N copies of each service on one database (1 to 3). */
    private static int up(Layout layout, int pgPort, Map<String, String> options, boolean detach) throws Exception {
        Platform platform = new Platform(layout, pgPort);
        platform.replicas((int) positive(options, "replicas", 1));
        return platform.up(detach);
    }

    private static int token(Layout layout, Map<String, String> options) throws Exception {
        String role = options.get("role");
        String org = options.get("org");
        if (role == null || org == null) {
            throw new IllegalArgumentException("用法：./kpi token --role ROLE --org CODE [--ttl MINUTES] [--sub NAME]");
        }
        long ttl = Long.parseLong(options.getOrDefault("ttl", "60"));
        if (ttl < 1 || ttl > 7 * 24 * 60) {
            throw new IllegalArgumentException("--ttl 应在 1 到 10080 分钟之间");
        }
        String subject = options.getOrDefault("sub", role + "@" + org);
        TokenMinter minter = new TokenMinter(new KeyPairFiles(layout.data()).loadPrivateKey());
        System.out.println(minter.mint(role, org, subject, options.getOrDefault("name", subject), Duration.ofMinutes(ttl)));
        return 0;
    }

    private static int mail(Layout layout, Map<String, String> options) throws Exception {
        int last;
        try {
            last = Integer.parseInt(options.getOrDefault("last", "10"));
        } catch (NumberFormatException e) {
            last = 0;
        }
        if (last < 1) {
            throw new IllegalArgumentException("--last 应为正整数");
        }
        LocalMailbox.print(layout.mail(), last, System.out);
        return 0;
    }

    /** Writes the Keycloak realm, by default over {@code deploy/keycloak/kpi-realm.json}. */
    private static int realm(Layout layout, Map<String, String> options) throws Exception {
        Path out = Path.of(options.getOrDefault("out", layout.root().resolve(REALM_FILE).toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new KeycloakRealm().json());
        System.out.println("已写入 Keycloak 域配置：" + out);
        return 0;
    }

    /** Writes the Kubernetes manifests, by default into {@code deploy/k8s/}; the applications must be packaged. */
    private static int manifests(Layout layout, Map<String, String> options) throws Exception {
        Path out = Path.of(options.getOrDefault("out", layout.root().resolve(Manifests.DIRECTORY).toString()));
        new Manifests(layout.root()).write(out);
        System.out.println("已写入 Kubernetes 清单：" + out);
        return 0;
    }

    /** Runs the benchmark on a data folder of its own ({@code <data>/bench}), never on the demo's data. */
    private static int bench(Layout layout, int pgPort, Map<String, String> options, boolean profile) throws Exception {
        Duration measure = Duration.ofSeconds(positive(options, "seconds", 15));
        Duration warmUp = Duration.ofSeconds(positive(options, "warm-up", 15));
        int connections = (int) positive(options, "connections", 8);
        int writers = (int) positive(options, "writers", 2);
        Layout benchLayout = new Layout(layout.root(), layout.data().resolve("bench"));
        return new Bench(benchLayout, pgPort, warmUp, measure, connections, writers,
                layout.data().resolve("bench-results"), profile).run();
    }

    private static long positive(Map<String, String> options, String name, long fallback) {
        try {
            long value = Long.parseLong(options.getOrDefault(name, Long.toString(fallback)));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " 应为正整数");
    }

    private static void usage() {
        System.out.println("""
                用法：
                  ./kpi up [--detach] [--data DIR] [--pg-port PORT]  启动全部服务（嵌入式 PostgreSQL + 演示数据）
                      [--replicas N]                                 每个服务运行 N 个副本（1–3，共用同一数据库；第 2 个在端口 +100）
                  ./kpi down                                         停止全部服务（数据保留）
                  ./kpi status                                       查看运行状态
                  ./kpi token --role ROLE --org CODE [--ttl MINUTES]  签发访问令牌（无需服务运行）
                  ./kpi mail [--last N]                              查看本地邮箱收到的最近 N 封邮件（默认 10）
                  ./kpi realm [--out FILE]                           生成 Keycloak 域配置（默认写入 deploy/keycloak/kpi-realm.json）
                  ./kpi manifests [--out DIR]                        生成 Kubernetes 清单（默认写入 deploy/k8s/；先 ./mvnw -DskipTests package）
                  ./kpi bench [--seconds S] [--connections N]        基准测试：在独立数据目录启动平台，测数据库上限、API 吞吐与延迟、启动时间和内存
                角色：leader, supervisor, department, admin, service""");
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
