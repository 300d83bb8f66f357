package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What the demo loaders share: JSON requests to a service as a user, their expected answers, the demo's files. */
final class DemoRequests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    DemoRequests(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    HttpResponse<String> send(String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Fails the demo's loading, saying what was refused, unless the answer is one of {@code accepted}. */
    static void expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("演示数据载入失败：" + response.request().method() + " "
                + response.request().uri().getPath() + " → HTTP " + response.statusCode() + " " + response.body());
    }

    /** A JSON file of the demo's resources. */
    static JsonNode read(String resource) throws IOException {
        try (InputStream in = DemoRequests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            return MAPPER.readTree(in);
        }
    }
}
