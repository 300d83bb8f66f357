package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Kubernetes manifests of the platform ({@code ./kpi manifests}, into
 * {@code deploy/k8s/}): each application's Deployment and Service as the Quarkus Kubernetes
 * extension generated them when it was packaged ({@code <module>/target/kubernetes/kubernetes.yml}),
 * and beside them what the extension does not make — the ConfigMaps, a HorizontalPodAutoscaler,
 * a PodDisruptionBudget and a NetworkPolicy per application, the Ingress made from the routing
 * table ({@code deploy/routes.json}) and a kustomization that names the images in one place.
 * No Secret is written: the guide lists the ones to create.
 */
final class Manifests {

    /** The applications, each with its port. */
    static final Map<String, Integer> APPS = orderedApps();

    static final String DIRECTORY = "deploy/k8s";
    static final String HOST = "kpi.example.gov.cn";
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";
    /** The console's management interface, reachable inside the cluster only: the ingress's external authentication. */
    static final String CONSOLE_INTERNAL = "web-console-internal";
    static final int CONSOLE_MANAGEMENT_PORT = 9080;
    static final String CONSOLE_AUTH_URL = "http://" + CONSOLE_INTERNAL + ".kpi.svc.cluster.local:" + CONSOLE_MANAGEMENT_PORT
            + "/auth/forward";

    private static final String PART_OF = "kpi-platform";
    private static final int MANAGEMENT_OFFSET = 1000;

    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    Manifests(Path root) {
        this.root = root;
    }

    private static Map<String, Integer> orderedApps() {
        Map<String, Integer> apps = new LinkedHashMap<>();
        apps.put("target-service", 8081);
        apps.put("task-service", 8082);
        apps.put("notify-service", 8083);
        apps.put("web-console", 8080);
        return apps;
    }

    /** Writes every manifest into {@code out}; the applications must have been packaged. */
    void write(Path out) throws IOException {
        Files.createDirectories(out);
        for (String app : APPS.keySet()) {
            Path generated = root.resolve(app).resolve("target/kubernetes/kubernetes.yml");
            if (!Files.exists(generated)) {
                throw new IllegalStateException(app + " 尚未打包（缺少 " + root.relativize(generated)
                        + "）：先运行 ./mvnw -DskipTests package");
            }
            Files.writeString(out.resolve(app + ".yml"), Files.readString(generated));
        }
        Files.writeString(out.resolve("platform.yml"), platform());
        Files.writeString(out.resolve("ingress.yml"), ingress());
        Files.writeString(out.resolve("kustomization.yaml"), kustomization());
    }

    /** ConfigMaps, and per application its autoscaler, disruption budget and network policy. */
    String platform() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        documents.add(configMap("kpi-platform", "服务共用的设置：令牌签发方与公钥、身份认证、事件订阅地址", Map.of(
                "MP_JWT_VERIFY_ISSUER", "https://sso.example.gov.cn/realms/kpi",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://sso.example.gov.cn/realms/kpi/protocol/openid-connect/certs",
                "QUARKUS_OIDC_CLIENT_CLIENT_ENABLED", "true",
                "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", "https://sso.example.gov.cn/realms/kpi",
                "KPI_FEED_SOURCES_TARGET_URL", "http://target-service",
                "KPI_FEED_SOURCES_TASK_URL", "http://task-service",
                "KPI_CONSOLE_URL", "https://" + HOST)));
        documents.add(configMap("kpi-console", "控制台的设置：各服务地址与统一身份认证", Map.of(
                "KPI_CONSOLE_SERVICES_TARGET_SERVICE", "http://target-service",
                "KPI_CONSOLE_SERVICES_TASK_SERVICE", "http://task-service",
                "KPI_CONSOLE_SERVICES_NOTIFY_SERVICE", "http://notify-service",
                "QUARKUS_OIDC_TENANT_ENABLED", "true",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.example.gov.cn/realms/kpi")));
        documents.add(consoleInternalService());
        for (Map.Entry<String, Integer> app : APPS.entrySet()) {
            documents.add(autoscaler(app.getKey()));
            documents.add(disruptionBudget(app.getKey()));
            documents.add(networkPolicy(app.getKey(), app.getValue()));
        }
        return documents(documents);
    }

    /**
     * One host: the console's pages at {@code /}, and every public path of the routing table to its
     * service, with the console's session turned into the bearer token by the ingress's external
     * authentication (the console's {@code /auth/forward}); the routes the table rewrites (the audit
     * log each service serves) in an Ingress of their own, since the rewrite applies to a whole Ingress.
     */
    String ingress() throws IOException {
        JsonNode table = json.readTree(root.resolve("deploy/routes.json").toFile());
        List<JsonNode> documents = new ArrayList<>();
        ObjectNode console = ingressObject("kpi-console", Map.of());
        ArrayNode consolePaths = paths(console);
        path(consolePaths, "/", "Prefix", "web-console");
        documents.add(console);

        Map<String, String> api = new LinkedHashMap<>();
        api.put("nginx.ingress.kubernetes.io/auth-url", CONSOLE_AUTH_URL);
        api.put("nginx.ingress.kubernetes.io/auth-response-headers", "Authorization");
        api.put("nginx.ingress.kubernetes.io/auth-always-set-cookie", "true");
        ObjectNode plain = ingressObject("kpi-api", api);
        ArrayNode plainPaths = paths(plain);
        Map<String, String> rewriting = new LinkedHashMap<>(api);
        rewriting.put("nginx.ingress.kubernetes.io/use-regex", "true");
        List<JsonNode> rewrites = new ArrayList<>();
        for (JsonNode route : table.get("routes")) {
            String prefix = route.get("prefix").asText();
            String service = route.get("service").asText();
            if (route.hasNonNull("rewrite")) {
                // /api/v1/audit/task?x → /api/v1/audit?x, /api/v1/audit/task/7 → /api/v1/audit/7
                String name = "kpi-api-" + prefix.substring(prefix.lastIndexOf('/') + 1) + "-rewrite";
                ObjectNode rewrite = ingressObject(name, withTarget(rewriting, route.get("rewrite").asText()));
                path(paths(rewrite), prefix.replace(".", "\\.") + "(/|$)(.*)", "ImplementationSpecific", service);
                rewrites.add(rewrite);
            } else {
                path(plainPaths, prefix, "Prefix", service);
            }
        }
        documents.add(plain);
        documents.addAll(rewrites);
        return documents(documents);
    }

    private static Map<String, String> withTarget(Map<String, String> annotations, String rewrite) {
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        copy.put("nginx.ingress.kubernetes.io/rewrite-target", rewrite + "$1$2");
        return copy;
    }

    /** The manifests in apply order, with the images named once (set the registry here). */
    String kustomization() throws IOException {
        ObjectNode kustomization = json.createObjectNode()
                .put("apiVersion", "kustomize.config.k8s.io/v1beta1").put("kind", "Kustomization");
        kustomization.put("namespace", "kpi");
        ArrayNode resources = kustomization.putArray("resources").add("platform.yml");
        APPS.keySet().forEach(app -> resources.add(app + ".yml"));
        resources.add("ingress.yml");
        ArrayNode images = kustomization.putArray("images");
        for (String app : APPS.keySet()) {
            images.addObject().put("name", "registry.kpi.local/kpi/" + app)
                    .put("newName", "registry.kpi.local/kpi/" + app).put("newTag", version());
        }
        return "# kubectl apply -k deploy/k8s — change newName/newTag to the registry and version to deploy\n"
                + yaml.writeValueAsString(kustomization);
    }

    private String version() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        int start = pom.indexOf("<version>", pom.indexOf("</parent>") > 0 ? pom.indexOf("</parent>") : 0);
        return pom.substring(start + "<version>".length(), pom.indexOf("</version>", start));
    }

    private ObjectNode configMap(String name, String description, Map<String, String> data) {
        ObjectNode map = json.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata").put("name", name);
        metadata.putObject("labels").put("app.kubernetes.io/part-of", PART_OF);
        metadata.putObject("annotations").put("kpi.platform/description", description);
        ObjectNode values = map.putObject("data");
        data.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> values.put(e.getKey(), e.getValue()));
        return map;
    }

    /** The console's management port as a Service of its own, which no Ingress names. */
    private ObjectNode consoleInternalService() {
        ObjectNode service = json.createObjectNode().put("apiVersion", "v1").put("kind", "Service");
        metadata(service, CONSOLE_INTERNAL);
        ObjectNode spec = service.putObject("spec").put("type", "ClusterIP");
        spec.putObject("selector").put("app.kubernetes.io/name", "web-console");
        spec.putArray("ports").addObject().put("name", "management").put("port", CONSOLE_MANAGEMENT_PORT)
                .put("targetPort", CONSOLE_MANAGEMENT_PORT).put("protocol", "TCP");
        return service;
    }

    private ObjectNode autoscaler(String app) {
        ObjectNode hpa = json.createObjectNode().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler");
        metadata(hpa, app);
        ObjectNode spec = hpa.putObject("spec");
        spec.putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", app);
        spec.put("minReplicas", 2).put("maxReplicas", 6);
        spec.putArray("metrics").addObject().put("type", "Resource").putObject("resource").put("name", "cpu")
                .putObject("target").put("type", "Utilization").put("averageUtilization", 70);
        return hpa;
    }

    private ObjectNode disruptionBudget(String app) {
        ObjectNode pdb = json.createObjectNode().put("apiVersion", "policy/v1").put("kind", "PodDisruptionBudget");
        metadata(pdb, app);
        ObjectNode spec = pdb.putObject("spec").put("minAvailable", 1);
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", app);
        return pdb;
    }

    /**
     * Who may reach an application's pods: the ingress controller and (for the services) the
     * platform's own pods on the HTTP port, the monitoring namespace on the management port
     * (metrics); nobody else — so a service-internal path such as the event feeds, which no route
     * names, is out of reach from outside the platform.
     */
    private ObjectNode networkPolicy(String app, int port) {
        ObjectNode policy = json.createObjectNode().put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
        metadata(policy, app);
        ObjectNode spec = policy.putObject("spec");
        spec.putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", app);
        spec.putArray("policyTypes").add("Ingress");
        ArrayNode rules = spec.putArray("ingress");
        ObjectNode http = rules.addObject();
        ArrayNode from = http.putArray("from");
        from.addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("kubernetes.io/metadata.name", INGRESS_NAMESPACE);
        if (!app.equals("web-console")) {
            from.addObject().putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/part-of", PART_OF);
        }
        ArrayNode ports = http.putArray("ports");
        ports.addObject().put("protocol", "TCP").put("port", port);
        if (app.equals("web-console")) {
            // the ingress's external authentication on the console's management port
            ports.addObject().put("protocol", "TCP").put("port", CONSOLE_MANAGEMENT_PORT);
        } else {
            ObjectNode metrics = rules.addObject();
            metrics.putArray("from").addObject().putObject("namespaceSelector").putObject("matchLabels")
                    .put("kubernetes.io/metadata.name", MONITORING_NAMESPACE);
            metrics.putArray("ports").addObject().put("protocol", "TCP").put("port", port + MANAGEMENT_OFFSET);
        }
        return policy;
    }

    private ObjectNode ingressObject(String name, Map<String, String> annotations) {
        ObjectNode ingress = json.createObjectNode().put("apiVersion", "networking.k8s.io/v1").put("kind", "Ingress");
        ObjectNode metadata = ingress.putObject("metadata").put("name", name);
        metadata.putObject("labels").put("app.kubernetes.io/part-of", PART_OF);
        if (!annotations.isEmpty()) {
            metadata.set("annotations", json.valueToTree(annotations));
        }
        ObjectNode spec = ingress.putObject("spec").put("ingressClassName", "nginx");
        spec.putArray("tls").addObject().put("secretName", "kpi-tls").putArray("hosts").add(HOST);
        spec.putArray("rules").addObject().put("host", HOST).putObject("http").putArray("paths");
        return ingress;
    }

    private static ArrayNode paths(ObjectNode ingress) {
        return (ArrayNode) ingress.get("spec").get("rules").get(0).get("http").get("paths");
    }

    private static void path(ArrayNode paths, String path, String type, String service) {
        paths.addObject().put("path", path).put("pathType", type).putObject("backend").putObject("service")
                .put("name", service).putObject("port").put("name", "http");
    }

    private void metadata(ObjectNode resource, String app) {
        ObjectNode metadata = resource.putObject("metadata").put("name", app);
        metadata.putObject("labels").put("app.kubernetes.io/name", app).put("app.kubernetes.io/part-of", PART_OF);
    }

    private String documents(List<JsonNode> documents) throws IOException {
        StringBuilder out = new StringBuilder("# written by ./kpi manifests — do not edit by hand\n");
        for (JsonNode document : documents) {
            out.append("---\n").append(yaml.writeValueAsString(document));
        }
        return out.toString();
    }

}
