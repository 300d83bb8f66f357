package org.kpi.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A webhook receiver on 127.0.0.1, as a department's system would run one: it checks the
 * signature, answers as scripted per call (status and delay) and remembers what it accepted, so
 * tests can count what arrived and whether any message was accepted twice.
 */
public final class WebhookPeer implements AutoCloseable {

    /** How the peer answers one call: an HTTP status after a delay. */
    public record Answer(int status, long delayMillis) {

        public static final Answer OK = new Answer(200, 0);
    }

    /** One request as it arrived. */
    public record Received(String idempotencyKey, String signature, boolean signatureValid, String timestamp,
                           String body, int answeredWith) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String secret;
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private volatile IntFunction<Answer> script = call -> Answer.OK;

    public WebhookPeer(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to put in a unit's contacts. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/kpi";
    }

    /** Answers call {@code n} (1-based, in arrival order) as {@code script} says. */
    public WebhookPeer answering(IntFunction<Answer> script) {
        this.script = script;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int call = calls.incrementAndGet();
        Answer answer = script.apply(call);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String signature = exchange.getRequestHeaders().getFirst("X-Signature");
        boolean valid = secret == null ? signature == null : sign(body).equals(signature);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = valid ? answer.status() : 401;
        try {
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
        received.add(new Received(key, signature, valid, exchange.getRequestHeaders().getFirst("X-Timestamp"),
                new String(body, StandardCharsets.UTF_8), status));
        if (status >= 200 && status < 300) {
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every request, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The bodies the peer accepted (answered 2xx in time). */
    public List<String> acceptedBodies() {
        return received.stream().filter(r -> r.answeredWith() / 100 == 2).map(Received::body).toList();
    }

    /**
     * The bodies accepted, each idempotency key once, in order: what a receiver that drops repeats
     * (as the key is meant for) has taken in.
     */
    public List<String> acceptedOnce() {
        Set<String> seen = new HashSet<>();
        return received.stream().filter(r -> r.answeredWith() / 100 == 2 && seen.add(r.idempotencyKey()))
                .map(Received::body).toList();
    }

    /** How many times each idempotency key was accepted. */
    public Map<String, Integer> acceptedByKey() {
        return accepted.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    /** Idempotency keys accepted more than once: a duplicate successful send. */
    public List<String> acceptedTwice() {
        return accepted.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
