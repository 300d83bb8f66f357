package org.kpi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for another service's event feed, on a local port. Tests steer it over HTTP
 * ({@code /control/...}), so it works whichever class loader a test runs in:
 * <ul>
 *   <li>{@code POST /control/events?seq=N} with an event's JSON: publish it;</li>
 *   <li>{@code POST /control/available?value=false}: answer the feed with 503 (producer down);</li>
 *   <li>{@code GET /control/requests}: how many feed requests carried a bearer token.</li>
 * </ul>
 */
public final class FeedStub implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentSkipListMap<Long, String> events = new ConcurrentSkipListMap<>();
    private final AtomicBoolean available = new AtomicBoolean(true);
    private final AtomicInteger authorisedRequests = new AtomicInteger();

    public FeedStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/events", this::feed);
        server.createContext("/control/events", this::publish);
        server.createContext("/control/available", this::availability);
        server.createContext("/control/requests", exchange ->
                respond(exchange, 200, Integer.toString(authorisedRequests.get())));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void feed(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
            respond(exchange, 401, "{\"status\":401}");
            return;
        }
        authorisedRequests.incrementAndGet();
        if (!available.get()) {
            respond(exchange, 503, "{\"status\":503}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        List<String> page = new ArrayList<>();
        long last = after;
        for (Map.Entry<Long, String> e : events.tailMap(after, false).entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(e.getValue());
            last = e.getKey();
        }
        respond(exchange, 200, "{\"items\":[" + String.join(",", page) + "],\"after\":" + after
                + ",\"limit\":" + limit + ",\"lastSeq\":" + last
                + ",\"headSeq\":" + (events.isEmpty() ? 0 : events.lastKey()) + "}");
    }

    private void publish(HttpExchange exchange) throws IOException {
        long seq = Long.parseLong(query(exchange.getRequestURI()).get("seq"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        events.put(seq, body);
        respond(exchange, 204, null);
    }

    private void availability(HttpExchange exchange) throws IOException {
        available.set(Boolean.parseBoolean(query(exchange.getRequestURI()).get("value")));
        respond(exchange, 204, null);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
