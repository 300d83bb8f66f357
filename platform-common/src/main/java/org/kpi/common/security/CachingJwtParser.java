package org.kpi.common.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.http.SimpleResponse;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bearer token parser of every request (令牌验证缓存): verifies a token with smallrye-jwt's
 * own parser the first time it is seen, then answers from a {@link VerifiedTokenCache} until the
 * verifier would refuse it (its {@code exp} plus the configured clock skew, on the wall clock, the
 * verifier's time). The verification key's source is read again every
 * {@code kpi.security.token-cache.key-check-interval}; a change forgets every token. Failures are
 * never remembered: a refused token is verified, and refused, again on every request.
 *
 * <p>Quarkus's {@code MpJwtValidator} injects a {@link JWTParser}; this alternative takes the place
 * of {@link DefaultJWTParser}, so the rest of the flow (roles from {@code groups}, the
 * {@link JsonWebToken} principal that {@link Caller} reads) is unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private static final Logger LOG = Logger.getLogger(CachingJwtParser.class);
    private static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    private static final String VERIFY_KEY_LOCATION = "smallrye.jwt.verify.key.location";
    private static final int HTTP_OK = 200;
    private static final long MIN_CHECK_PERIOD_MILLIS = 50;

    @Inject
    DefaultJWTParser verifier;

    @Inject
    JWTAuthContextInfo context;

    @Inject
    TokenCacheConfig config;

    @Inject
    Config mpConfig;

    @Inject
    MeterRegistry registry;

    private final LongAdder verifications = new LongAdder();
    private VerifiedTokenCache cache;
    private ScheduledExecutorService keyCheck;

    @PostConstruct
    void start() {
        // the verifier's notion of now is the wall clock (jose4j's NumericDate.now()), never a test clock
        Clock wallClock = Clock.systemUTC();
        cache = new VerifiedTokenCache(config.maxEntries(), context.getClockSkew(), context.getTokenAge(), wallClock);
        FunctionCounter.builder("kpi.token.cache.hits", cache, VerifiedTokenCache::hits)
                .description("Bearer tokens answered from the cache of verified tokens").register(registry);
        FunctionCounter.builder("kpi.token.verifications", verifications, LongAdder::sum)
                .description("Bearer tokens verified by smallrye-jwt (cache misses, refused tokens)").register(registry);
        // the configured source, not the verifier's context: smallrye-jwt reads a local key once at
        // start-up and keeps only its content there
        keyLocation().ifPresent(location -> watchKey(new KeySourceWatch(() -> read(location),
                config.keyCheckInterval(), wallClock)));
    }

    /**
     * Checks the key source on a thread of its own, never on a request's: reading a JWKS URL may
     * take as long as the identity provider does. The watch reads at most once per interval; it
     * is asked four times as often so that a read is never more than a quarter interval late.
     */
    private void watchKey(KeySourceWatch watch) {
        keyCheck = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kpi-token-key-check");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(MIN_CHECK_PERIOD_MILLIS, config.keyCheckInterval().toMillis() / 4);
        keyCheck.scheduleWithFixedDelay(() -> {
            if (watch.changed()) {
                LOG.info("The token verification key changed (or could not be read): every cached token is verified again");
                cache.invalidateAll();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (keyCheck != null) {
            keyCheck.shutdownNow();
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!config.enabled() || token == null) {
            return verify(token);
        }
        JsonWebToken known = cache.find(token);
        if (known != null) {
            return known;
        }
        long generation = cache.generation();
        JsonWebToken verified = verify(token);
        cache.remember(token, verified, generation);
        return verified;
    }

    private Optional<String> keyLocation() {
        Optional<String> location = mpConfig.getOptionalValue(PUBLIC_KEY_LOCATION, String.class)
                .or(() -> mpConfig.getOptionalValue(VERIFY_KEY_LOCATION, String.class));
        return location.map(String::trim).filter(value -> !value.isEmpty());
    }

    /**
     * The content at {@code location}: a JWKS URL through jose4j's HTTP client, the one smallrye-jwt
     * fetches keys with (connect and read timeouts, so a hung identity provider cannot hold a
     * request thread for ever); a file or class-path resource as smallrye-jwt reads it.
     */
    private static String read(String location) throws IOException {
        if (location.regionMatches(true, 0, "http", 0, "http".length())) {
            SimpleResponse response = new Get().get(location);
            if (response.getStatusCode() != HTTP_OK) {
                throw new IOException("HTTP " + response.getStatusCode() + " from " + location);
            }
            return response.getBody();
        }
        return ResourceUtils.readResource(location);
    }

    /** Tokens verified by smallrye-jwt, cache misses and uncached calls alike. */
    public long verifications() {
        return verifications.sum();
    }

    /** The cache, for its counters. */
    public VerifiedTokenCache cache() {
        return cache;
    }

    private JsonWebToken verify(String token) throws ParseException {
        verifications.increment();
        return verifier.parse(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo contextInfo) throws ParseException {
        return verifier.parse(token, contextInfo);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
