package org.kpi.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two tiny HTTP servers on loopback standing in for the services: each answers with what it
 * received (its name, method, URI, the Authorization and Cookie headers, and the body's length and
 * SHA-256), and target-service also serves a small org tree. notify-service is down (its address
 * is a closed port). The console's signing key is a fresh RSA pair.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** The org tree target-service serves: a city, one district and two of its departments. */
    static final List<JsonObject> UNITS = List.of(
            unit("370600", "烟台市", "CITY", null),
            unit("370602", "芝罘区", "DISTRICT", "370600"),
            unit("370602-FGJ", "发展和改革局", "DEPARTMENT", "370602"),
            unit("370602-ZJJ", "住房和城乡建设局", "DEPARTMENT", "370602"));

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("target-service", "task-service")) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (service.equals("target-service") && request.path().equals("/api/v1/org-units")) {
                    request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("items", new JsonArray(List.copyOf(UNITS))).put("page", 0).put("size", 100)
                            .put("total", UNITS.size()).put("seenAuthorization", request.getHeader("Authorization"))
                            .encode());
                    return;
                }
                request.response().setStatusCode(request.path().endsWith("/missing") ? 404 : 200)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("service", service).put("method", request.method().name())
                                .put("uri", request.uri()).put("authorization", request.getHeader("Authorization"))
                                .put("cookie", request.getHeader("Cookie")).put("bodyLength", body.length())
                                .put("bodySha256", sha256(body)).encode());
            }));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            config.put("kpi.console.services." + service, "http://127.0.0.1:" + server.actualPort());
        }
        try {
            // notify-service is down: nothing listens on its port
            config.put("kpi.console.services.notify-service", "http://127.0.0.1:" + closedPort());
            config.put("smallrye.jwt.sign.key.location", signingKey().toUri().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** A port nothing listens on. */
    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path file = Files.createTempFile("console-key", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject unit(String code, String name, String type, String parent) {
        return new JsonObject().put("code", code).put("name", name).put("type", type).put("parentCode", parent);
    }
}
