package org.kpi.testing.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service's OpenAPI document must be for clients to be generated from it: each
 * operation named, tagged, typed and with every error a problem; parameters typed and described;
 * no Jackson internals published as models. Each service's test class extends this and reads its
 * own live document. (Whether the document tells the truth about what the service does is checked
 * on every exchange of every test by {@link OpenApiValidation}.)
 */
public abstract class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws IOException {
        String text = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(text);
    }

    @Test
    public void documentNamesItsVersionContactLicenceServersAndTokenScheme() {
        assertEquals("3.0.3", document.path("openapi").asText());
        JsonNode info = document.path("info");
        assertTrue(info.path("title").asText().contains("-service"), "title names the service");
        assertTrue(info.path("version").isTextual(), "version");
        assertTrue(info.path("contact").path("name").isTextual(), "contact");
        assertTrue(info.path("license").path("name").isTextual(), "license");
        assertTrue(document.path("servers").size() > 0, "servers");
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertEquals("http", bearer.path("type").asText());
        assertEquals("bearer", bearer.path("scheme").asText());
        assertTrue(bearer.path("description").asText().contains("./kpi token"),
                "the scheme says where a token comes from");
    }

    @Test
    public void everyOperationHasAUniqueOperationIdASummaryAndADeclaredTag() {
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> {
            assertTrue(tag.path("description").asText().length() > 10, "tag " + tag + " is described");
            declaredTags.add(tag.path("name").asText());
        });
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(where + ": operationId missing or repeated '" + id + "'");
            }
            if (operation.path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            if (operation.path("tags").size() != 1 || !declaredTags.contains(operation.path("tags").get(0).asText())) {
                problems.add(where + ": not under exactly one declared tag " + operation.path("tags"));
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void everySuccessIsTypedAndEveryErrorIsAProblem() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> entry = responses.next();
                String code = entry.getKey();
                JsonNode response = resolve(entry.getValue());
                if (code.startsWith("2") && !"204".equals(code)) {
                    JsonNode content = response.path("content");
                    if (content.isEmpty()) {
                        problems.add(where + " " + code + ": no content");
                    }
                    content.fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        if (!schema.has("$ref") && !schema.has("type")) {
                            problems.add(where + " " + code + " " + media.getKey() + ": untyped body");
                        }
                    });
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode schema = response.path("content").path("application/problem+json").path("schema");
                    if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                        problems.add(where + " " + code + ": not a problem+json Problem");
                    }
                }
                if ("201".equals(code)) {
                    JsonNode headers = response.path("headers");
                    if (!headers.has("Location")) {
                        problems.add(where + " 201: no Location header");
                    }
                }
            }
            if (!operation.path("responses").has("401") && operation.has("security")) {
                problems.add(where + ": secured but no 401");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void everyParameterIsDescribedAndTyped() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            String name = parameter.path("in").asText() + " " + parameter.path("name").asText();
            if (parameter.path("description").asText("").isBlank()) {
                problems.add(where + " " + name + ": no description");
            }
            JsonNode schema = parameter.path("schema");
            if (!schema.has("type") && !schema.has("$ref")) {
                problems.add(where + " " + name + ": untyped");
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void noFrameworkTypeIsPublishedAsAModel() {
        JsonNode schemas = document.path("components").path("schemas");
        for (String internal : List.of("JsonNode", "ObjectNode", "Response", "RestResponse", "FileUpload", "Item",
                "Item1")) {
            assertTrue(schemas.path(internal).isMissingNode(), internal + " is published as a model");
        }
        String text = document.toString();
        assertTrue(!text.contains("\"schema\":{}"), "an empty schema is published somewhere");
    }

    @Test
    public void everyModelIsUsedAndNoParameterComesWithASampleValue() {
        String text = document.path("paths").toString() + document.path("components").path("responses");
        List<String> problems = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> reached = new HashSet<>();
        List<String> pending = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (text.contains("\"#/components/schemas/" + name + "\"")) {
                pending.add(name);
            }
        });
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (reached.add(name)) {
                String body = schemas.path(name).toString();
                schemas.fieldNames().forEachRemaining(other -> {
                    if (body.contains("\"#/components/schemas/" + other + "\"")) {
                        pending.add(other);
                    }
                });
            }
        }
        schemas.fieldNames().forEachRemaining(name -> {
            if (!reached.contains(name)) {
                problems.add("model " + name + " is used by no operation");
            }
        });
        // Swagger UI puts a parameter's sample into the field on "Try it out": a filter then finds nothing
        operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            JsonNode schema = parameter.path("schema");
            String ref = schema.path("$ref").asText("");
            JsonNode type = ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            if (parameter.has("example") || type.has("example")) {
                problems.add(where + " " + parameter.path("name").asText() + ": comes with a sample value");
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The single entry point (web console, ingress) reaches every public path of this service
     * through the one routing table, {@code deploy/routes.json}, and nothing else: no path of this
     * service is routed to another service, the audit log has its own public route, and the
     * service-internal feed paths have none.
     */
    @Test
    public void everyPublicPathIsRoutedToThisServiceAndInternalPathsAreNot() throws IOException {
        Matcher named = Pattern.compile("[a-z]+-service").matcher(document.path("info").path("title").asText());
        assertTrue(named.find(), "the title names the service");
        String service = named.group();
        JsonNode table = new ObjectMapper().readTree(routingTable().toFile());
        List<String> problems = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            List<JsonNode> routes = new ArrayList<>();
            table.path("routes").forEach(route -> {
                String prefix = route.path("prefix").asText();
                String served = route.path("rewrite").asText(prefix);
                if (route.path("service").asText().equals(service)
                        ? path.equals(served) || path.startsWith(served + "/")
                        : path.equals(prefix) || path.startsWith(prefix + "/")) {
                    routes.add(route);
                }
            });
            boolean internal = path.equals("/api/v1/events") || path.startsWith("/api/v1/feeds/");
            boolean replica = path.startsWith("/api/v1/org-units") && !service.equals("target-service");
            if (internal || replica) {
                routes.removeIf(route -> !route.path("service").asText().equals(service));
                if (!routes.isEmpty()) {
                    problems.add(path + " is internal or a replica but routed: " + routes);
                }
            } else if (routes.size() != 1 || !routes.get(0).path("service").asText().equals(service)) {
                problems.add(path + " needs exactly one route to " + service + ", has " + routes);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The committed Kubernetes ingress ({@code deploy/k8s/ingress.yml}) sends every public
     * operation of this document to this service by exactly one path rule (the console's catch-all
     * {@code /} aside), and where the rule rewrites the path, to the path the service serves.
     */
    @Test
    public void everyPublicOperationIsRoutedOnceByTheIngressToThisService() throws IOException {
        Matcher named = Pattern.compile("[a-z]+-service").matcher(document.path("info").path("title").asText());
        assertTrue(named.find(), "the title names the service");
        String service = named.group();
        JsonNode table = new ObjectMapper().readTree(routingTable().toFile());
        List<IngressRule> rules = IngressRule.read(deployFile("k8s/ingress.yml"));
        List<String> problems = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(servicePath -> {
            boolean internal = servicePath.equals("/api/v1/events") || servicePath.startsWith("/api/v1/feeds/");
            boolean replica = servicePath.startsWith("/api/v1/org-units") && !service.equals("target-service");
            String concrete = servicePath.replaceAll("\\{[^}]+}", "42");
            List<String> publicPaths = new ArrayList<>();
            table.path("routes").forEach(route -> {
                String prefix = route.path("prefix").asText();
                String served = route.path("rewrite").asText(prefix);
                if (route.path("service").asText().equals(service)
                        && (concrete.equals(served) || concrete.startsWith(served + "/"))) {
                    publicPaths.add(prefix + concrete.substring(served.length()));
                }
            });
            if (internal || replica) {
                rules.stream().filter(rule -> !rule.path().equals("/") && rule.matches(concrete)
                                && rule.service().equals(service))
                        .forEach(rule -> problems.add(servicePath + " is internal or a replica but the ingress routes it: " + rule));
                return;
            }
            if (publicPaths.isEmpty()) {
                problems.add(servicePath + " has no public path in the routing table");
            }
            for (String publicPath : publicPaths) {
                List<IngressRule> matching = rules.stream()
                        .filter(rule -> !rule.path().equals("/") && rule.matches(publicPath)).toList();
                if (matching.size() != 1 || !matching.get(0).service().equals(service)) {
                    problems.add(publicPath + " needs exactly one ingress rule to " + service + ", has " + matching);
                } else if (!matching.get(0).rewrite(publicPath).equals(concrete)) {
                    problems.add(publicPath + " reaches " + service + " as " + matching.get(0).rewrite(publicPath)
                            + ", not " + concrete);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** {@code deploy/routes.json}, found from the module's folder upwards. */
    private static Path routingTable() {
        return deployFile("routes.json");
    }

    /** A file under {@code deploy/}, found from the module's folder upwards. */
    private static Path deployFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("deploy").resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("deploy/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private void operations(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        String prefix = "#/components/responses/";
        return ref.startsWith(prefix) ? document.path("components").path("responses").path(ref.substring(prefix.length()))
                : node;
    }
}
