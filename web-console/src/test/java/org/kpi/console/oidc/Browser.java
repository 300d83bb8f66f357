package org.kpi.console.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a browser for the sign-in round trip: follows no redirect by itself (the test
 * looks at each), keeps cookies per host and path — also {@code Secure} ones over plain HTTP on
 * localhost, as browsers do — and submits Keycloak's login form.
 */
final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String[]>> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
    }

    HttpResponse<String> post(String url, String body, String contentType, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request, URI.create(url));
    }

    /** Submits the login form of the page {@code html} with a user name and password. */
    HttpResponse<String> signIn(String html, String pageUrl, String username, String password)
            throws IOException, InterruptedException {
        Matcher action = FORM_ACTION.matcher(html);
        if (!action.find()) {
            throw new AssertionError("no login form on " + pageUrl + ":\n" + html);
        }
        String target = URI.create(pageUrl).resolve(action.group(1).replace("&amp;", "&")).toString();
        return post(target, form(Map.of("username", username, "password", password)),
                "application/x-www-form-urlencoded", Map.of());
    }

    /** The value of a cookie this browser holds for {@code host:port}, or null. */
    String cookie(URI origin, String name) {
        String[] cookie = cookies.getOrDefault(origin.getAuthority(), Map.of()).get(name);
        return cookie == null ? null : cookie[0];
    }

    /** Sets a cookie as a page of {@code origin} would have it. */
    void setCookie(URI origin, String name, String value) {
        cookies.computeIfAbsent(origin.getAuthority(), key -> new LinkedHashMap<>()).put(name, new String[] {value, "/"});
    }

    static String form(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((name, value) -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI url) throws IOException, InterruptedException {
        Map<String, String[]> jar = cookies.computeIfAbsent(url.getAuthority(), key -> new LinkedHashMap<>());
        StringJoiner header = new StringJoiner("; ");
        String path = url.getPath().isEmpty() ? "/" : url.getPath();
        jar.forEach((name, cookie) -> {
            if (path.startsWith(cookie[1])) {
                header.add(name + "=" + cookie[0]);
            }
        });
        if (header.length() > 0) {
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String cookiePath = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                String lower = attribute.toLowerCase(Locale.ROOT);
                if (lower.startsWith("path=")) {
                    cookiePath = attribute.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")
                        || lower.startsWith("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, new String[] {value, cookiePath});
            }
        }
        return response;
    }
}
