package org.kpi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The signing key pair of a module's test run, generated on first use into
 * {@code target/test-keys/} (never committed). The services under test verify tokens with the
 * public key; {@link TestTokens} signs with the private one.
 */
public final class TestKeys {

    private static final Path DIR = Path.of("target", "test-keys");
    private static final Path PUBLIC = DIR.resolve("public.pem");
    private static final Path PRIVATE = DIR.resolve("private.pem");

    private TestKeys() {
    }

    public static synchronized Path publicKeyFile() {
        ensure();
        return PUBLIC.toAbsolutePath();
    }

    public static synchronized Path privateKeyFile() {
        ensure();
        return PRIVATE.toAbsolutePath();
    }

    public static synchronized PrivateKey privateKey() {
        ensure();
        try {
            String pem = Files.readString(PRIVATE);
            byte[] der = Base64.getMimeDecoder().decode(pem
                    .replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA key pair that the services do not trust. */
    public static KeyPair foreignKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensure() {
        if (Files.exists(PUBLIC) && Files.exists(PRIVATE)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            KeyPair pair = foreignKeyPair();
            write(PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(DIR, "key", ".tmp");
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
