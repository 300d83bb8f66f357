package org.kpi.launcher;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenMinterTest {

    @TempDir
    Path data;

    @Test
    void mintedTokenVerifiesWithTheGeneratedPublicKeyAndCarriesTheClaims() throws Exception {
        KeyPairFiles keys = new KeyPairFiles(data);
        String token = new TokenMinter(keys.loadPrivateKey())
                .mint("supervisor", "370602", "supervisor@370602", "芝罘区督查室", Duration.ofMinutes(5));

        JwtClaims claims = consumer(publicKey(keys.publicKey())).processToClaims(token);
        assertEquals("https://kpi.local/auth", claims.getIssuer());
        assertEquals(List.of("kpi-platform"), claims.getAudience());
        assertEquals("370602", claims.getStringClaimValue("org"));
        assertEquals(List.of("supervisor"), claims.getStringListClaimValue("groups"));
        assertEquals("芝罘区督查室", claims.getStringClaimValue("name"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(300, lifetime);
    }

    @Test
    void keyPairIsGeneratedOnceAndReused() throws Exception {
        KeyPairFiles keys = new KeyPairFiles(data);
        keys.ensure();
        String first = Files.readString(keys.publicKey());
        keys.ensure();
        assertEquals(first, Files.readString(keys.publicKey()));
        assertTrue(Files.readString(keys.privateKey()).startsWith("-----BEGIN " + "PRIVATE KEY-----"));
    }

    @Test
    void tokenOfAnotherKeyPairDoesNotVerify() throws Exception {
        KeyPairFiles mine = new KeyPairFiles(data.resolve("a"));
        KeyPairFiles theirs = new KeyPairFiles(data.resolve("b"));
        String token = new TokenMinter(theirs.loadPrivateKey())
                .mint("admin", "370600", "x", "x", Duration.ofMinutes(5));
        mine.ensure();
        assertThrows(InvalidJwtException.class, () -> consumer(publicKey(mine.publicKey())).processToClaims(token));
    }

    @Test
    void unknownRoleIsRefused() throws Exception {
        TokenMinter minter = new TokenMinter(new KeyPairFiles(data).loadPrivateKey());
        assertThrows(IllegalArgumentException.class,
                () -> minter.mint("root", "370600", "x", "x", Duration.ofMinutes(5)));
    }

    private static JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer("https://kpi.local/auth")
                .setExpectedAudience("kpi-platform")
                .setRequireExpirationTime()
                .build();
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem)
                .replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
