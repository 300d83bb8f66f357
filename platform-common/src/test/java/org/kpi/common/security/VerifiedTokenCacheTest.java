package org.kpi.common.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verified-token cache's lifetime and bounds, and the key watch, on a clock the test moves. */
class VerifiedTokenCacheTest {

    private static final long EXP = 1_000_000;
    private static final long SKEW = 30;

    private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(EXP - 60));

    @Test
    void aTokenIsServedUntilTheLastMillisecondTheVerifierAcceptsAndRefusedFromTheNext() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, SKEW, null, clock);
        JsonWebToken jwt = token(EXP, EXP - 600);
        cache.remember("t", jwt, cache.generation());

        assertSame(jwt, cache.find("t"));
        // jose4j refuses once (nowSeconds - skew) >= exp, nowSeconds being the millis truncated
        clock.set(Instant.ofEpochMilli((EXP + SKEW) * 1000 - 1));
        assertSame(jwt, cache.find("t"));
        clock.set(Instant.ofEpochSecond(EXP + SKEW));
        assertNull(cache.find("t"));
        assertEquals(2, cache.hits());
        assertEquals(1, cache.misses());
        // the refused entry is gone, not waiting for a clock going back
        clock.set(Instant.ofEpochSecond(EXP - 60));
        assertNull(cache.find("t"));
    }

    @Test
    void aTokenAlreadyRefusedOrWithoutExpiryIsNotRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, SKEW, null, clock);
        clock.set(Instant.ofEpochSecond(EXP + SKEW));
        cache.remember("late", token(EXP, EXP - 600), cache.generation());
        cache.remember("endless", new MapToken(Map.of("sub", "x")), cache.generation());
        assertEquals(0, cache.size());
    }

    @Test
    void aMaximumTokenAgeEndsAnEntryBeforeItsExpiry() {
        long iat = EXP - 600;
        VerifiedTokenCache cache = new VerifiedTokenCache(100, SKEW, 100L, clock);
        clock.set(Instant.ofEpochSecond(iat + 50));
        JsonWebToken jwt = token(EXP, iat);
        cache.remember("t", jwt, cache.generation());
        // smallrye refuses once nowSeconds - iat > tokenAge
        clock.set(Instant.ofEpochMilli((iat + 100) * 1000 + 999));
        assertSame(jwt, cache.find("t"));
        clock.set(Instant.ofEpochSecond(iat + 101));
        assertNull(cache.find("t"));
    }

    @Test
    void theCacheHoldsAtMostItsMaximumNumberOfTokens() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, SKEW, null, clock);
        for (int i = 0; i < 50; i++) {
            cache.remember("t" + i, token(EXP, EXP - 600), cache.generation());
        }
        assertTrue(cache.size() <= 10, "size " + cache.size());
        assertTrue(cache.size() > 0);
    }

    @Test
    void aVerificationThatBeganBeforeAClearIsNotRememberedAfterIt() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, SKEW, null, clock);
        long before = cache.generation();
        cache.invalidateAll();
        cache.remember("t", token(EXP, EXP - 600), before);
        assertNull(cache.find("t"));

        cache.remember("t", token(EXP, EXP - 600), cache.generation());
        cache.invalidateAll();
        assertNull(cache.find("t"));
    }

    @Test
    void theKeyWatchReadsTheSourceOncePerIntervalAndReportsAChangedOrUnreadableKey() {
        AtomicReference<String> key = new AtomicReference<>("key-1");
        int[] reads = {0};
        KeySourceWatch watch = new KeySourceWatch(() -> {
            reads[0]++;
            String content = key.get();
            if (content == null) {
                throw new IOException("down");
            }
            return content;
        }, Duration.ofSeconds(60), clock);
        assertEquals(1, reads[0]);

        key.set("key-2");
        assertFalse(watch.changed(), "not read again before the interval");
        assertEquals(1, reads[0]);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(watch.changed());
        assertFalse(watch.changed(), "the next read is an interval later");
        clock.advance(Duration.ofSeconds(60));
        assertFalse(watch.changed(), "same content");
        key.set(null);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(watch.changed(), "an unreadable source counts as changed");
        key.set("key-2");
        clock.advance(Duration.ofSeconds(60));
        assertTrue(watch.changed(), "readable again: what is cached was verified before the outage");
        assertEquals(5, reads[0]);
    }

    private static JsonWebToken token(long exp, long iat) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "someone");
        claims.put("exp", exp);
        claims.put("iat", iat);
        return new MapToken(claims);
    }

    /** A token of fixed claims. */
    private record MapToken(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
