package org.kpi.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals of the HTTP layer itself, before any resource runs, are problems like every other
 * error. Requests are written byte for byte on a socket, as a probe sends them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class HttpLayerProblemTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void unknownMethodIs405ProblemOnEveryPath() throws IOException {
        // the health and OpenAPI routes answered any method at all with their document
        for (String method : new String[]{"FOO", "PROPFIND", "TRACE"}) {
            for (String path : new String[]{"/api/v1/org-units", "/q/health/ready", "/q/openapi"}) {
                Raw response = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + TestTokens.token("admin", "ROOT") + "\r\nConnection: close\r\n\r\n");
                response.assertProblem(405, "method-not-allowed");
            }
        }
    }

    @Test
    void declaredBodyOverTheHttpLimitIs413Problem() throws IOException {
        Raw response = send("POST /api/v1/targets/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.token("admin", "ROOT") + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 50000000\r\n\r\n");
        response.assertProblem(413, "payload-too-large");
    }

    @Test
    void uriTooLongIs414Problem() throws IOException {
        Raw response = send("GET /api/v1/org-units?q=" + "x".repeat(6000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        response.assertProblem(414, "uri-too-long");
    }

    @Test
    void headersTooLargeAre431Problem() throws IOException {
        Raw response = send("GET /api/v1/org-units HTTP/1.1\r\nHost: localhost\r\nX-Probe: " + "y".repeat(30_000)
                + "\r\nConnection: close\r\n\r\n");
        response.assertProblem(431, "headers-too-large");
    }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                    if (Raw.complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the server closes after refusing; what arrived is the answer
            }
            return new Raw(received.toString(StandardCharsets.UTF_8));
        }
    }

    /** An HTTP/1.1 response as text: status line, headers, body. */
    record Raw(String text) {

        static boolean complete(String text) {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = text.substring(0, end).toLowerCase(Locale.ROOT);
            int at = head.indexOf("content-length:");
            if (at < 0) {
                return false;
            }
            int lineEnd = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
            return text.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
        }

        void assertProblem(int status, String kind) {
            assertTrue(text.startsWith("HTTP/1.1 " + status), text);
            String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
            assertTrue(head.contains("content-type: application/problem+json"), text);
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            assertTrue(body.contains("\"type\":\"urn:kpi:problem:" + kind + "\""), text);
            assertTrue(body.contains("\"status\":" + status), text);
            assertFalse(body.contains("Exception"), text);
            assertEquals(-1, body.indexOf("at io."), text);
        }
    }
}
