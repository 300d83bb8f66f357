package org.kpi.console.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform's one routing table ({@code deploy/routes.json}, packaged with the console): which
 * service serves each public path prefix. The console forwards {@code /api/**} by it and the
 * Kubernetes ingress is generated from the same file, so the browser and a mobile client see one
 * origin whichever way the platform is deployed.
 */
public final class RoutingTable {

    /** The classpath resource the table is read from. */
    public static final String RESOURCE = "routes.json";

    private final List<Route> routes;

    private RoutingTable(List<Route> routes) {
        // longest prefix first, so that a more specific route wins over a shorter one
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
                .toList();
    }

    /** Reads the packaged table. */
    public static RoutingTable load() {
        try (InputStream in = RoutingTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static RoutingTable parse(JsonNode table) {
        List<Route> routes = new ArrayList<>();
        Set<String> prefixes = new TreeSet<>();
        for (JsonNode node : table.path("routes")) {
            Route route = new Route(node.path("prefix").asText(), node.path("service").asText(),
                    node.hasNonNull("rewrite") ? node.path("rewrite").asText() : null);
            if (!route.prefix().startsWith("/api/") || route.prefix().endsWith("/") || route.service().isBlank()) {
                throw new IllegalStateException("malformed route " + node);
            }
            if (!prefixes.add(route.prefix())) {
                throw new IllegalStateException("prefix routed twice: " + route.prefix());
            }
            if (!table.path("services").has(route.service())) {
                throw new IllegalStateException("route to an unknown service: " + node);
            }
            routes.add(route);
        }
        return new RoutingTable(routes);
    }

    /** The route that serves {@code path} (without the query), if any. */
    public Optional<Route> match(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("/..") || lower.contains("//") || lower.contains("%2e") || lower.contains("%2f")
                || lower.contains("%5c") || lower.contains("\\")) {
            // never guess what a service would make of a dotted or encoded separator: no route
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Every route, longest prefix first. */
    public List<Route> routes() {
        return routes;
    }

    /** The services the table routes to. */
    public Set<String> services() {
        Set<String> services = new TreeSet<>();
        routes.forEach(route -> services.add(route.service()));
        return services;
    }

    /**
     * One line of the table.
     *
     * @param prefix  the public path prefix
     * @param service the service that serves it
     * @param rewrite the service's own path for the prefix, or {@code null} when it is the same
     */
    public record Route(String prefix, String service, String rewrite) {

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
        }

        /** The path the service is asked for, given the public one this route matched. */
        public String servicePath(String path) {
            return rewrite == null ? path : rewrite + path.substring(prefix.length());
        }
    }
}
