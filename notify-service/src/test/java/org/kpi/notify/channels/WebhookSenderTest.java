package org.kpi.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpi.notify.contacts.ChannelType;
import org.kpi.notify.contacts.ContactChannel;
import org.kpi.notify.delivery.DeliveryFailure;
import org.kpi.notify.delivery.OutboundMessage;
import org.kpi.notify.ShortTimeouts;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook sender against a real HTTP peer on 127.0.0.1 (the test profile allows loopback, as
 * {@code ./kpi up} does): what it sends and signs, and how each answer is classified.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class WebhookSenderTest {

    private static final String SECRET = "签名-secret-1";

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper mapper;

    private HttpServer peer;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private record Received(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.setExecutor(Executors.newCachedThreadPool());
        peer.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
            switch (path) {
                case "/ok" -> answer(exchange, 200, Map.of());
                case "/accepted" -> answer(exchange, 202, Map.of());
                case "/fail" -> answer(exchange, 503, Map.of());
                case "/missing" -> answer(exchange, 404, Map.of());
                case "/busy" -> answer(exchange, 429, Map.of("Retry-After", "7"));
                case "/busy-no-hint" -> answer(exchange, 429, Map.of());
                case "/moved" -> answer(exchange, 302, Map.of("Location", "/ok"));
                case "/slow" -> {
                    sleep(Duration.ofSeconds(9));
                    answer(exchange, 200, Map.of());
                }
                default -> answer(exchange, 400, Map.of());
            }
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    @Test
    void postsSignedUtf8JsonWithIdempotencyKeyAndTimestamp() throws Exception {
        OutboundMessage message = message(41);
        long before = Instant.now().getEpochSecond();
        sender.send(channel("/ok?unit=甲", SECRET), message);
        Received request = only();
        assertEquals("/ok?unit=%E7%94%B2", request.path());
        assertEquals("sha256=" + hmac(SECRET, request.body()), request.header("X-Signature"));
        assertEquals("delivery-41", request.header("Idempotency-Key"));
        long timestamp = Long.parseLong(request.header("X-Timestamp"));
        assertTrue(timestamp >= before - 1 && timestamp <= Instant.now().getEpochSecond() + 1, "X-Timestamp " + timestamp);
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        assertEquals("127.0.0.1:" + port(), request.header("Host"));
        JsonNode json = mapper.readTree(new String(request.body(), StandardCharsets.UTF_8));
        assertEquals(41, json.get("deliveryId").asLong());
        assertEquals("DA1-FGJ", json.get("orgUnitCode").asText());
        assertEquals("【提醒】任务“重点项目开工”3 天后到期", json.get("title").asText());
        assertEquals("请于 6 月 30 日前填报进展。\n办理：http://localhost:8080/tasks/7", json.get("text").asText());
        assertEquals("http://localhost:8080/tasks/7", json.get("link").asText());
        assertEquals("TASK_DUE", json.get("facts").get("kind").asText());
        assertEquals(3, json.get("facts").get("daysLeft").asInt());
        assertEquals(message.createdAt().toInstant(), OffsetDateTime.parse(json.get("createdAt").asText()).toInstant());
        assertEquals(List.of("deliveryId", "orgUnitCode", "title", "text", "link", "facts", "createdAt"), fieldNames(json));
    }

    @Test
    void unsignedWhenTheChannelHasNoSecret() throws Exception {
        sender.send(channel("/accepted", null), message(42));
        Received request = only();
        assertNull(request.header("X-Signature"));
        assertEquals("delivery-42", request.header("Idempotency-Key"));
    }

    @Test
    void hostHeaderKeepsTheNameWhileTheCheckedAddressIsDialled() throws Exception {
        sender.send(new ContactChannel(ChannelType.WEBHOOK, "http://localhost:" + port() + "/ok", SECRET), message(43));
        assertEquals("localhost:" + port(), only().header("Host"));
    }

    @Test
    void serverErrorIsRetriedWithTheSameIdempotencyKey() {
        OutboundMessage message = message(44);
        for (int attempt = 0; attempt < 2; attempt++) {
            DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(channel("/fail", SECRET), message));
            assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
            assertTrue(failure.getMessage().contains("HTTP 503"), failure.getMessage());
        }
        assertEquals(List.of("delivery-44", "delivery-44"), received.stream().map(r -> r.header("Idempotency-Key")).toList());
    }

    @Test
    void notFoundIsPermanentAndSaysToCheckTheAddress() {
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(channel("/missing", SECRET), message(45)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertEquals("对方拒绝（HTTP 404），请检查 Webhook 地址", failure.getMessage());
    }

    @Test
    void rateLimitWithRetryAfterWaitsAsAsked() {
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(channel("/busy", SECRET), message(46)));
        assertEquals(DeliveryFailure.Outcome.RETRY_AFTER, failure.outcome());
        assertEquals(Duration.ofSeconds(7), failure.retryAfter());
        DeliveryFailure noHint = assertThrows(DeliveryFailure.class,
                () -> sender.send(channel("/busy-no-hint", SECRET), message(46)));
        assertEquals(DeliveryFailure.Outcome.RETRY, noHint.outcome());
    }

    @Test
    void redirectIsNotFollowedAndIsPermanent() {
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(channel("/moved", SECRET), message(47)));
        assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome());
        assertTrue(failure.getMessage().contains("HTTP 302"), failure.getMessage());
        assertEquals(List.of("/moved"), received.stream().map(Received::path).toList());
    }

    @Test
    void slowPeerTimesOutAndIsRetried() {
        long started = System.nanoTime();
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(channel("/slow", SECRET), message(48)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertTrue(failure.getMessage().contains("超时"), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(9)) < 0,
                "gave up before the peer answered");
    }

    @Test
    void refusedConnectionIsRetried() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        ContactChannel nobody = new ContactChannel(ChannelType.WEBHOOK, "http://127.0.0.1:" + closed + "/ok", SECRET);
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> sender.send(nobody, message(49)));
        assertEquals(DeliveryFailure.Outcome.RETRY, failure.outcome());
        assertTrue(failure.getMessage().contains("无法连接"), failure.getMessage());
    }

    @Test
    void protectedTargetsAreRefusedForGoodWithoutBeingCalled() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook", "http://[fe80::1]/hook",
                "http://100.100.100.200/latest")) {
            DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                    () -> sender.send(new ContactChannel(ChannelType.WEBHOOK, url, SECRET), message(50)));
            assertEquals(DeliveryFailure.Outcome.PERMANENT, failure.outcome(), url);
            assertTrue(failure.getMessage().startsWith("Webhook 地址不允许访问"), failure.getMessage());
        }
    }

    private ContactChannel channel(String pathAndQuery, String secret) {
        return new ContactChannel(ChannelType.WEBHOOK, "http://127.0.0.1:" + port() + pathAndQuery, secret);
    }

    private int port() {
        return peer.getAddress().getPort();
    }

    private Received only() {
        assertEquals(1, received.size(), "requests received");
        return received.peek();
    }

    private static OutboundMessage message(long deliveryId) {
        return new OutboundMessage(deliveryId, "delivery-" + deliveryId, "DA1-FGJ", "【提醒】任务“重点项目开工”3 天后到期",
                "请于 6 月 30 日前填报进展。\n办理：http://localhost:8080/tasks/7", "http://localhost:8080/tasks/7",
                Map.of("kind", "TASK_DUE", "daysLeft", 3), OffsetDateTime.of(2026, 6, 27, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
