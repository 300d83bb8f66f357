package org.kpi.console.session;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.console.ConsoleConfig;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's session: the signed-in user's access token, kept in an HttpOnly, SameSite=Strict
 * cookie encrypted with AES-GCM, so that no script in the page ever holds the token and a cookie
 * that was tampered with, or made with another secret, is simply no session.
 */
@ApplicationScoped
public class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "kpi_session";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @Inject
    public SessionCookie(ConsoleConfig config) {
        byte[] secret;
        if (config.session().secret().isPresent()) {
            String text = config.session().secret().get();
            if (text.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("kpi.console.session.secret needs at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            secret = text.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            random.nextBytes(secret);
            Log.warn("kpi.console.session.secret is not set: sessions end when this process stops, and "
                    + "several replicas cannot share them");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cookie value that carries {@code token}. */
    public String seal(String token) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(NAME.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] value = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, value, 0, IV_BYTES);
            System.arraycopy(sealed, 0, value, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    /** The token a cookie value carries; empty when it is not one this console sealed. */
    public Optional<String> open(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length < IV_BYTES + TAG_BITS / Byte.SIZE) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(NAME.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the session", e);
        }
    }
}
