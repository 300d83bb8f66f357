package org.kpi.testing.contracts;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every REST Assured exchange of every test against the service's own live OpenAPI
 * document ({@code /q/openapi}), so an undocumented status, field, {@code null} or header fails
 * the build. Installed before each {@code @QuarkusTest} method (a {@link QuarkusTestBeforeEachCallback}).
 *
 * <p>The rules, for every request under {@code /api/}:
 * <ul>
 * <li>the response must match what the document says the operation answers with that status:
 *     body schema (no undeclared field, no {@code null} where not nullable, every required field),
 *     media type and headers;</li>
 * <li>a request the document calls invalid (a missing required parameter or field, a value out of
 *     range, no token) must be refused with a 4xx: a server that accepts what its document forbids
 *     has a document that lies; tests that send bad input on purpose therefore pass;</li>
 * <li>a path or method the document does not have must be refused with a 4xx problem.</li>
 * </ul>
 */
public class OpenApiValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Set<String> UNKNOWN_OPERATION = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    /** The validator of the application under test, read afresh for each test (a restart may change it). */
    private static volatile OpenApiInteractionValidator current;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        current = null;
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof OpenApiValidation)) {
            RestAssured.filters(new OpenApiValidation());
        }
    }

    private static OpenApiInteractionValidator validator(int port) {
        OpenApiInteractionValidator validator = current;
        if (validator == null) {
            validator = VALIDATORS.computeIfAbsent(document(port),
                    text -> OpenApiInteractionValidator.createForInlineApiSpecification(text).build());
            current = validator;
        }
        return validator;
    }

    private static String document(int port) {
        try {
            // HTTP/1.1: the default h2c upgrade now and then leaves the client reading HTTP/1.1 bytes as frames
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public io.restassured.response.Response filter(FilterableRequestSpecification requestSpec,
                                                   FilterableResponseSpecification responseSpec, FilterContext ctx) {
        io.restassured.response.Response response = ctx.next(requestSpec, responseSpec);
        Request request = withOAuth2Header(RestAssuredRequest.of(requestSpec), requestSpec);
        if (!request.getPath().startsWith("/api/")) {
            return response;
        }
        OpenApiInteractionValidator validator = validator(requestSpec.getPort());
        String exchange = request.getMethod() + " " + request.getPath() + " → " + response.statusCode();
        boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
        // the adapter cannot read a multipart body: it is sent, but the validator sees none
        boolean multipart = !requestSpec.getMultiPartParams().isEmpty();
        List<ValidationReport.Message> requestErrors = validator.validateRequest(request).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(multipart && "validation.request.body.missing".equals(m.getKey()))).toList();
        if (requestErrors.stream().anyMatch(m -> UNKNOWN_OPERATION.contains(m.getKey()))) {
            String type = response.contentType();
            if (!refused || type == null || !type.startsWith("application/problem+json")) {
                throw new AssertionError("Not in the OpenAPI document, yet not refused with a 4xx problem: "
                        + exchange + " " + type);
            }
            return response;
        }
        Response answer = RestAssuredResponse.of(response);
        List<ValidationReport.Message> responseErrors = validator
                .validateResponse(request.getPath(), request.getMethod(), answer).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        if (!responseErrors.isEmpty()) {
            throw new AssertionError("Response does not match the OpenAPI document: " + exchange + "\n"
                    + describe(responseErrors) + "\nbody: " + abbreviate(response.asString()));
        }
        if (!requestErrors.isEmpty() && !refused) {
            throw new AssertionError("The server accepted a request its OpenAPI document refuses: " + exchange
                    + "\n" + describe(requestErrors));
        }
        return response;
    }

    /**
     * REST Assured sends {@code auth().oauth2(token)} as a header it adds while sending; the
     * request the validator reads is given that header too.
     */
    private static Request withOAuth2Header(Request request, FilterableRequestSpecification spec) {
        if (!(spec.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2)
                || request.getHeaderValue("Authorization").isPresent()) {
            return request;
        }
        String token = oauth2.generateAuthToken();
        String header = token.startsWith("Bearer ") ? token : "Bearer " + token;
        return new Request() {
            @Override
            public String getPath() {
                return request.getPath();
            }

            @Override
            public Method getMethod() {
                return request.getMethod();
            }

            @Override
            public Optional<String> getBody() {
                return request.getBody();
            }

            @Override
            public Optional<Body> getRequestBody() {
                return request.getRequestBody();
            }

            @Override
            public Collection<String> getQueryParameters() {
                return request.getQueryParameters();
            }

            @Override
            public Collection<String> getQueryParameterValues(String name) {
                return request.getQueryParameterValues(name);
            }

            @Override
            public Map<String, Collection<String>> getHeaders() {
                Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(request.getHeaders());
                headers.put("Authorization", List.of(header));
                return headers;
            }

            @Override
            public Collection<String> getHeaderValues(String name) {
                return "Authorization".equalsIgnoreCase(name) ? List.of(header) : request.getHeaderValues(name);
            }
        };
    }

    private static String describe(List<ValidationReport.Message> messages) {
        return messages.stream().map(m -> "  - [" + m.getKey() + "] " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
