package org.kpi.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Multipart bodies that no browser sends, as an outside probe does: cut off before the closing
 * boundary, split by a boundary other than the declared one, or empty. Sent raw, byte for byte.
 */
public enum MalformedMultipart {

    /** The part starts but the closing boundary never comes. */
    UNTERMINATED("--kpi-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004 not finished"),
    /** A complete body, but split by a boundary the Content-Type does not declare. */
    WRONG_BOUNDARY("--another-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004\r\n--another-boundary--\r\n"),
    /** No body at all. */
    EMPTY("");

    private final String body;

    MalformedMultipart(String body) {
        this.body = body;
    }

    /** POSTs this body to {@code path} of the service under test with {@code token}; returns the response. */
    public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=kpi-boundary")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
