package org.kpi.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Tokens with the claims production uses ({@code sub}, {@code name}, {@code groups}, {@code org}). */
public final class TestTokens {

    public static final String ISSUER = "https://kpi.local/auth";
    public static final String AUDIENCE = "kpi-platform";

    private TestTokens() {
    }

    /** A valid token for {@code role} at org unit {@code org}. */
    public static String token(String role, String org) {
        return claims(role, org).sign(TestKeys.privateKey());
    }

    /** REST Assured, authenticated as {@code role} at {@code org}, sending and accepting JSON. */
    public static RequestSpecification as(String role, String org) {
        return RestAssured.given()
                .auth().oauth2(token(role, org))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Claims of a valid token, to be changed by a test before signing. */
    public static JwtClaimsBuilder claims(String role, String org) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(role + "@" + org)
                .claim("name", "测试用户 " + role + "@" + org)
                .claim("org", org)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(TestKeys.privateKey());
    }

    public static String signWith(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.sign(key);
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public static String unsigned(String role, String org) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String body = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"x\",\"groups\":[\""
                + role + "\"],\"org\":\"" + org + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
