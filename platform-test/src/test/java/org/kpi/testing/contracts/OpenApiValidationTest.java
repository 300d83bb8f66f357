package org.kpi.testing.contracts;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation filter fails an exchange that departs from the document, and passes one that keeps to it. */
class OpenApiValidationTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/api/v1/things": {"get": {
               "parameters": [{"name": "year", "in": "query", "required": true,
                               "schema": {"type": "integer", "minimum": 2000}}],
               "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {
                   "type": "object", "required": ["id", "note"],
                   "properties": {"id": {"type": "integer"}, "note": {"type": "string", "nullable": true}}}}}},
                 "400": {"description": "bad", "content": {"application/problem+json": {"schema": {
                   "type": "object", "properties": {"status": {"type": "integer"}}}}}}}}}}}
            """;

    private static HttpServer server;
    private static volatile int status;
    private static volatile String body;
    private static volatile String type;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, "application/json", DOCUMENT));
        server.createContext("/api/", exchange -> answer(exchange, status, type, body));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void freshDocument() {
        new OpenApiValidation().beforeEach(null);
        type = "application/json";
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int code, String contentType, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RequestSpecification request() {
        return RestAssured.given().filter(new OpenApiValidation()).port(server.getAddress().getPort());
    }

    private static void serve(int code, String json) {
        status = code;
        body = json;
    }

    @Test
    void exchangeThatKeepsToTheDocumentPasses() {
        serve(200, "{\"id\": 1, \"note\": null}");
        request().get("/api/v1/things?year=2026").then().statusCode(200);
    }

    @Test
    void undeclaredFieldFails() {
        serve(200, "{\"id\": 1, \"note\": \"x\", \"secret\": true}");
        AssertionError e = assertThrows(AssertionError.class, () -> request().get("/api/v1/things?year=2026"));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void nullInAFieldNotNullableFails() {
        serve(200, "{\"id\": null, \"note\": \"x\"}");
        assertThrows(AssertionError.class, () -> request().get("/api/v1/things?year=2026"));
    }

    @Test
    void missingRequiredFieldFails() {
        serve(200, "{\"id\": 1}");
        assertThrows(AssertionError.class, () -> request().get("/api/v1/things?year=2026"));
    }

    @Test
    void undocumentedStatusFails() {
        serve(409, "{\"status\": 409}");
        type = "application/problem+json";
        AssertionError e = assertThrows(AssertionError.class, () -> request().get("/api/v1/things?year=2026"));
        assertTrue(e.getMessage().contains("409"), e.getMessage());
    }

    @Test
    void requestTheDocumentRefusesMustBeRefused() {
        serve(200, "{\"id\": 1, \"note\": null}");
        assertThrows(AssertionError.class, () -> request().get("/api/v1/things?year=1999"));
        serve(400, "{\"status\": 400}");
        type = "application/problem+json";
        request().get("/api/v1/things?year=1999").then().statusCode(400);
    }

    @Test
    void unknownPathMustBeAProblem() {
        serve(200, "{}");
        assertThrows(AssertionError.class, () -> request().get("/api/v1/nothing"));
        serve(404, "{\"status\": 404}");
        type = "application/problem+json";
        request().get("/api/v1/nothing").then().statusCode(404);
    }
}
