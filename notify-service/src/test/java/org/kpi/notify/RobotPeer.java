package org.kpi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.kpi.notify.contacts.ChannelType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A DingTalk, WeCom or Feishu group robot on 127.0.0.1, answering the way the real service does:
 * HTTP 200 and a JSON error code. It checks the signature exactly as the robot's documentation
 * says — recomputed from the timestamp it received and the secret it shares with the unit — and
 * the robot's size limit, and answers with the robot's own error code when either fails. Tests
 * may script other answers per call.
 */
public final class RobotPeer implements AutoCloseable {

    /** Signature checks accept timestamps within this of now, as DingTalk and Feishu do. */
    private static final long HOUR_MILLIS = 3_600_000;

    /** One request as it arrived. */
    public record Received(String path, Map<String, String> query, String body, JsonNode json, boolean validUtf8,
                           boolean signatureValid, String answer) {
    }

    private final ChannelType robot;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile IntFunction<String> script = call -> null;

    /**
     * @param robot  {@code DINGTALK}, {@code WECOM} or {@code FEISHU}
     * @param secret the signing secret set in the robot's security settings, or null for none
     */
    public RobotPeer(ChannelType robot, String secret) {
        this.robot = robot;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The robot's address as its group settings show it. */
    public String url() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (robot) {
            case DINGTALK -> base + "/robot/send?access_token=test-token-0123456789";
            case WECOM -> base + "/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
            case FEISHU -> base + "/open-apis/bot/v2/hook/0a1b2c3d-4e5f";
            default -> throw new IllegalArgumentException(robot + " is no robot");
        };
    }

    /**
     * Answers call {@code n} (1-based) with the JSON {@code script} gives (always with HTTP 200),
     * or as the robot would when it gives null.
     */
    public RobotPeer answering(IntFunction<String> script) {
        this.script = script;
        return this;
    }

    /** Every request, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        int call = calls.incrementAndGet();
        String body = new String(raw, StandardCharsets.UTF_8);
        boolean validUtf8 = validUtf8(raw);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        boolean signatureValid = signatureValid(query, json);
        String answer = script.apply(call);
        if (answer == null) {
            answer = natural(json, validUtf8, signatureValid, query);
        }
        received.add(new Received(exchange.getRequestURI().getPath(), query, body, json, validUtf8, signatureValid,
                answer));
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    /** What the real robot answers: its error for a bad signature, a missing key, a message too long; else success. */
    private String natural(JsonNode json, boolean validUtf8, boolean signatureValid, Map<String, String> query) {
        switch (robot) {
            case DINGTALK -> {
                if (!query.containsKey("access_token")) {
                    return "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}";
                }
                if (!signatureValid) {
                    return "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}";
                }
                if (json == null || !validUtf8 || !"markdown".equals(json.path("msgtype").asText())) {
                    return "{\"errcode\":40035,\"errmsg\":\"缺少参数 json\"}";
                }
                if (bytes(json.path("markdown").path("text").asText()) > 20_000) {
                    return "{\"errcode\":460101,\"errmsg\":\"message too long, exceed 20000 bytes\"}";
                }
                return "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
            case WECOM -> {
                if (!query.containsKey("key")) {
                    return "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1700000000_1_abc], from ip: 127.0.0.1\"}";
                }
                if (json == null || !validUtf8 || !"markdown".equals(json.path("msgtype").asText())) {
                    return "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}";
                }
                if (bytes(json.path("markdown").path("content").asText()) > 4_096) {
                    return "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}";
                }
                return "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
            default -> {
                if (!signatureValid) {
                    return "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}";
                }
                if (json == null || !validUtf8 || !"post".equals(json.path("msg_type").asText())) {
                    return "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}";
                }
                return "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
            }
        }
    }

    /**
     * DingTalk: {@code sign} (URL-decoded) = Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)),
     * timestamp in milliseconds. Feishu: body {@code sign} = Base64(HMAC-SHA256(key = timestamp + "\n" + secret,
     * data = nothing)), timestamp in seconds. Both within an hour of now. Without a secret no signature is expected.
     */
    private boolean signatureValid(Map<String, String> query, JsonNode json) {
        if (robot == ChannelType.WECOM) {
            return true;
        }
        String timestamp = robot == ChannelType.DINGTALK ? query.get("timestamp")
                : json == null || !json.hasNonNull("timestamp") ? null : json.get("timestamp").asText();
        String sign = robot == ChannelType.DINGTALK ? query.get("sign")
                : json == null || !json.hasNonNull("sign") ? null : json.get("sign").asText();
        if (secret == null) {
            return timestamp == null && sign == null;
        }
        if (timestamp == null || sign == null) {
            return false;
        }
        long millis;
        try {
            millis = robot == ChannelType.DINGTALK ? Long.parseLong(timestamp) : Long.parseLong(timestamp) * 1000;
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() - millis) > HOUR_MILLIS) {
            return false;
        }
        String expected = robot == ChannelType.DINGTALK
                ? hmac(secret.getBytes(StandardCharsets.UTF_8), (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8))
                : hmac((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sign.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters, URL-decoded as the robot's server decodes them. */
    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static boolean validUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
