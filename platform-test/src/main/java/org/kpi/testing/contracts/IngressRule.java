package org.kpi.testing.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One path rule of a committed Kubernetes Ingress, read as ingress-nginx applies it: a
 * {@code Prefix} path matches itself and what lies below it; an {@code ImplementationSpecific}
 * path is a regular expression, and the Ingress's {@code rewrite-target} (with {@code $1}, {@code $2}
 * for its groups) is the path the service receives.
 */
record IngressRule(String path, String type, String service, String rewriteTarget) {

    private static final String REWRITE = "nginx.ingress.kubernetes.io/rewrite-target";

    static List<IngressRule> read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<IngressRule> rules = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonNode ingress : yaml.readValues(parser, JsonNode.class).readAll()) {
                if (ingress == null || !"Ingress".equals(ingress.path("kind").asText())) {
                    continue;
                }
                String rewrite = ingress.path("metadata").path("annotations").path(REWRITE).asText(null);
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        rules.add(new IngressRule(path.path("path").asText(), path.path("pathType").asText(),
                                path.path("backend").path("service").path("name").asText(), rewrite));
                    }
                }
            }
        }
        return rules;
    }

    boolean matches(String requestPath) {
        return switch (type) {
            case "Prefix" -> path.equals("/") || requestPath.equals(path) || requestPath.startsWith(path + "/");
            case "Exact" -> requestPath.equals(path);
            default -> Pattern.compile(path).matcher(requestPath).lookingAt();
        };
    }

    /** The path the service receives for {@code requestPath}. */
    String rewrite(String requestPath) {
        if (rewriteTarget == null) {
            return requestPath;
        }
        Matcher matcher = Pattern.compile(path).matcher(requestPath);
        if (!matcher.lookingAt()) {
            return requestPath;
        }
        StringBuilder target = new StringBuilder();
        Matcher groups = Pattern.compile("\\$(\\d)").matcher(rewriteTarget);
        int last = 0;
        while (groups.find()) {
            target.append(rewriteTarget, last, groups.start());
            String group = matcher.group(Integer.parseInt(groups.group(1)));
            target.append(group == null ? "" : group);
            last = groups.end();
        }
        return target.append(rewriteTarget.substring(last)).toString();
    }
}
