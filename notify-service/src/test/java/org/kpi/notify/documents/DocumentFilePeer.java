package org.kpi.notify.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.kpi.testing.TestKeys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * target-service's file endpoint of issued documents, on 127.0.0.1: {@code GET {filePath}} answers
 * the bytes a test made it serve, with their media type — to a bearer token signed with the
 * platform's test key that has the {@code service} role, else 401; an unknown path gets 404. A test
 * may make the next requests fail with a status of its choice.
 */
public final class DocumentFilePeer implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    public record Request(String path, boolean serviceToken, int status) {
    }

    private record Served(byte[] bytes, String contentType) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper mapper = new ObjectMapper();
    private final PublicKey key;
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 500;

    public DocumentFilePeer() {
        try {
            key = publicKey();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} as {@code contentType} at {@code path}. */
    public void serve(String path, byte[] bytes, String contentType) {
        files.put(path, new Served(bytes, contentType));
    }

    /** Answers the next {@code times} requests with {@code status} (and no file). */
    public void failNext(int times, int status) {
        failureStatus = status;
        failures.set(times);
    }

    /** The requests for {@code path}, in arrival order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many requests arrived, for any path. */
    public int total() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean service = serviceToken(exchange.getRequestHeaders().getFirst("Authorization"));
        int status;
        Served served = null;
        if (!service) {
            status = 401;
        } else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = failureStatus;
        } else {
            served = files.get(path);
            status = served == null ? 404 : 200;
        }
        requests.add(new Request(path, service, status));
        if (served == null) {
            byte[] problem = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", served.contentType());
        exchange.sendResponseHeaders(200, served.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(served.bytes());
        }
    }

    /** An RS256 token signed with the platform's test key, whose groups hold {@code service}. */
    private boolean serviceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (JsonNode group : claims.path("groups")) {
                if ("service".equals(group.asText())) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey publicKey() throws IOException {
        String pem = Files.readString(TestKeys.publicKeyFile()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
