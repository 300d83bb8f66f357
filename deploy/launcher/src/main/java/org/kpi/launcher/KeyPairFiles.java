package org.kpi.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local signing key pair, generated into the data folder on first use and never committed:
 * the services verify tokens with {@code public.pem}; {@code ./kpi token} signs with {@code private.pem}.
 */
final class KeyPairFiles {

    private final Path dir;

    KeyPairFiles(Path dataDir) {
        this.dir = dataDir.resolve("keys");
    }

    Path publicKey() {
        return dir.resolve("public.pem");
    }

    Path privateKey() {
        return dir.resolve("private.pem");
    }

    void ensure() throws IOException, GeneralSecurityException {
        if (Files.exists(publicKey()) && Files.exists(privateKey())) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateFile = privateKey();
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect the key
        }
        Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    PrivateKey loadPrivateKey() throws IOException, GeneralSecurityException {
        ensure();
        String pem = Files.readString(privateKey(), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem
                .replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
