package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed manifests ({@code deploy/k8s/}) read back as Kubernetes objects: what is written
 * by hand-free generation is what ./kpi manifests writes now, every container is probed and
 * limited, no secret value is inline, images are versioned, every application has its
 * autoscaler, disruption budget and network policy, and the ingress routes the routing table
 * exactly. (.ci/manifests regenerates the whole folder from a fresh build and diffs it.)
 */
class ManifestsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve(Manifests.DIRECTORY);
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static List<HasMetadata> objects;

    @BeforeAll
    static void read() throws IOException {
        objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                        if (document != null && !document.isEmpty()) {
                            KubernetesResource resource = YAML.treeToValue(document, KubernetesResource.class);
                            objects.add((HasMetadata) resource);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theGeneratedPartsAreWhatTheLauncherWritesNow() throws IOException {
        Manifests manifests = new Manifests(ROOT);
        assertEquals(manifests.platform(), Files.readString(K8S.resolve("platform.yml")), "run ./kpi manifests");
        assertEquals(manifests.ingress(), Files.readString(K8S.resolve("ingress.yml")), "run ./kpi manifests");
        assertEquals(manifests.kustomization(), Files.readString(K8S.resolve("kustomization.yaml")), "run ./kpi manifests");
    }

    @Test
    void everyApplicationIsADeploymentWithProbesLimitsVersionedImagesAndNoInlineSecret() {
        List<Deployment> deployments = all(Deployment.class);
        assertEquals(Manifests.APPS.keySet(), deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("Secret")), "no Secret in the repository");
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertTrue(deployment.getSpec().getReplicas() >= 2, name + " runs at least two replicas");
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = name + "/" + container.getName();
                assertNotNull(container.getLivenessProbe(), where + " liveness");
                assertNotNull(container.getReadinessProbe(), where + " readiness");
                assertNotNull(container.getStartupProbe(), where + " startup");
                assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
                assertEquals(Manifests.APPS.get(name), container.getReadinessProbe().getHttpGet().getPort().getIntVal(),
                        where + " probes the port health is served on");
                Map<String, ?> limits = container.getResources().getLimits();
                assertTrue(limits.containsKey("cpu") && limits.containsKey("memory"), where + " limits");
                assertTrue(container.getResources().getRequests().containsKey("memory"), where + " requests");
                String image = container.getImage();
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertTrue(image.lastIndexOf(':') > image.lastIndexOf('/') && !tag.isBlank() && !tag.equals("latest"),
                        where + " image has a version tag: " + image);
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches()) {
                        assertTrue(env.getValue() == null && env.getValueFrom() != null
                                && env.getValueFrom().getSecretKeyRef() != null, where + " takes " + env.getName() + " from a Secret");
                    }
                }
            }
        }
    }

    @Test
    void labelsAnnotationsSettingsAndVariablesAreWrittenAsStringsAsKubernetesRequires() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                        List<JsonNode> strings = new ArrayList<>();
                        document.findValues("annotations").forEach(map -> map.forEach(strings::add));
                        document.findValues("labels").forEach(map -> map.forEach(strings::add));
                        document.path("data").forEach(strings::add);
                        document.findValues("env").forEach(list -> list.forEach(env -> {
                            if (env.has("value")) {
                                strings.add(env.get("value"));
                            }
                        }));
                        for (JsonNode value : strings) {
                            assertTrue(value.isTextual(), file.getFileName() + ": " + value + " must be a string");
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyApplicationHasAnAutoscalerADisruptionBudgetANetworkPolicyAndAService() {
        Set<String> apps = Manifests.APPS.keySet();
        assertEquals(apps, names(HorizontalPodAutoscaler.class));
        assertEquals(apps, names(PodDisruptionBudget.class));
        assertEquals(apps, names(NetworkPolicy.class));
        assertEquals(Set.of("target-service", "task-service", "notify-service", "web-console", Manifests.CONSOLE_INTERNAL),
                names(Service.class));
        for (NetworkPolicy policy : all(NetworkPolicy.class)) {
            String app = policy.getMetadata().getName();
            assertEquals(app, policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
            assertFalse(policy.getSpec().getIngress().isEmpty());
            policy.getSpec().getIngress().forEach(rule -> assertFalse(rule.getFrom().isEmpty(),
                    app + ": every rule names who may connect"));
        }
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        }
    }

    @Test
    void theIngressRoutesEveryPrefixOfTheRoutingTableOnceToItsServiceAndNothingInternal() throws IOException {
        JsonNode table = new ObjectMapper().readTree(ROOT.resolve("deploy/routes.json").toFile());
        List<String[]> rules = new ArrayList<>();
        Set<String> hosts = new java.util.HashSet<>();
        for (Ingress ingress : all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> {
                hosts.add(rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    rules.add(new String[] {path.getPath(), path.getPathType(), path.getBackend().getService().getName()});
                }
            });
        }
        assertEquals(Set.of(Manifests.HOST), hosts, "one host");
        for (JsonNode route : table.get("routes")) {
            String probe = route.get("prefix").asText() + "/42";
            List<String[]> matching = rules.stream().filter(rule -> !rule[0].equals("/") && matches(rule, probe)).toList();
            assertEquals(1, matching.size(), probe + " is routed once");
            assertEquals(route.get("service").asText(), matching.get(0)[2], probe);
        }
        for (String internal : List.of("/api/v1/events", "/api/v1/feeds/dead-letters", "/q/metrics")) {
            assertTrue(rules.stream().filter(rule -> matches(rule, internal)).allMatch(rule -> rule[2].equals("web-console")),
                    internal + " reaches no service directly");
        }
        assertTrue(rules.stream().noneMatch(rule -> rule[2].equals(Manifests.CONSOLE_INTERNAL)),
                "the console's management port is never routed from outside");
    }

    private static boolean matches(String[] rule, String path) {
        return switch (rule[1]) {
            case "Prefix" -> rule[0].equals("/") || path.equals(rule[0]) || path.startsWith(rule[0] + "/");
            case "Exact" -> path.equals(rule[0]);
            default -> Pattern.compile(rule[0]).matcher(path).lookingAt();
        };
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> Set<String> names(Class<T> type) {
        return all(type).stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }
}
