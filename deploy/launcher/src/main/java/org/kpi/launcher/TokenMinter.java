package org.kpi.launcher;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Mints RS256 tokens with the claims the services expect: {@code sub}, {@code name}, {@code groups}, {@code org}. */
final class TokenMinter {

    static final String ISSUER = "https://kpi.local/auth";
    static final String AUDIENCE = "kpi-platform";
    static final Set<String> ROLES = Set.of("leader", "supervisor", "department", "admin", "service");

    private final PrivateKey key;

    TokenMinter(PrivateKey key) {
        this.key = key;
    }

    String mint(String role, String org, String subject, String name, Duration ttl) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("未知角色 " + role + "，可选：leader, supervisor, department, admin, service");
        }
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("name", name);
        claims.setClaim("org", org);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("令牌签名失败", e);
        }
    }
}
