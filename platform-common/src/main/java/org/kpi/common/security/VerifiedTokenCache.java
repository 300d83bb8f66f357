package org.kpi.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The identities of bearer tokens already verified (已验证令牌缓存), by raw token, each kept no
 * longer than the verifier would still accept its token. The verifier (jose4j inside smallrye-jwt)
 * refuses a token once {@code nowSeconds - clockSkew >= exp}, with {@code nowSeconds} the wall
 * clock truncated to seconds, and, when a maximum token age is set, once
 * {@code nowSeconds - iat > tokenAge}; an entry's deadline is the first millisecond of refusal, and
 * every hit is checked against it on {@link #clock} (Caffeine's own expiry, on its monotonic ticker,
 * only frees the memory). Bounded to a number of entries; failures are never stored.
 */
public final class VerifiedTokenCache {

    private static final long MILLIS_PER_SECOND = 1000;

    /** A verified token and the first wall-clock millisecond at which the verifier refuses it. */
    private record Entry(JsonWebToken jwt, long refusedFromMillis) {
    }

    private final Cache<String, Entry> entries;
    private final Clock clock;
    private final long clockSkewSeconds;
    private final Long tokenAgeSeconds;
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param maxEntries       most tokens remembered at once
     * @param clockSkewSeconds the verifier's allowed clock skew ({@code mp.jwt.verify.clock.skew})
     * @param tokenAgeSeconds  the verifier's maximum token age ({@code mp.jwt.verify.token.age}), or {@code null}
     * @param clock            the verifier's notion of now: the wall clock in production
     */
    public VerifiedTokenCache(long maxEntries, long clockSkewSeconds, Long tokenAgeSeconds, Clock clock) {
        this.clock = clock;
        this.clockSkewSeconds = clockSkewSeconds;
        this.tokenAgeSeconds = tokenAgeSeconds;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilRefused())
                // eviction is a little bookkeeping: done by the caller, not handed to the common pool
                .executor(Runnable::run)
                .build();
    }

    /** The remembered identity of {@code token} when the verifier would still accept it now, else {@code null}. */
    public JsonWebToken find(String token) {
        Entry entry = entries.getIfPresent(token);
        if (entry == null) {
            misses.increment();
            return null;
        }
        if (clock.millis() >= entry.refusedFromMillis()) {
            entries.asMap().remove(token, entry);
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.jwt();
    }

    /**
     * The current generation, to pass to {@link #remember} for a token about to be verified: a
     * verification that began before {@link #invalidateAll()} (say, against a key since replaced)
     * is not remembered after it.
     */
    public long generation() {
        return generation.get();
    }

    /**
     * Remembers {@code jwt}, just verified from {@code token}, unless it names no expiry, is already
     * refused, or the cache was cleared since {@code generationBeforeVerifying}.
     */
    public void remember(String token, JsonWebToken jwt, long generationBeforeVerifying) {
        Long exp = seconds(jwt.getClaim(Claims.exp.name()));
        if (exp == null) {
            return;
        }
        long refusedFrom = Math.multiplyExact(Math.addExact(exp, clockSkewSeconds), MILLIS_PER_SECOND);
        if (tokenAgeSeconds != null) {
            Long iat = seconds(jwt.getClaim(Claims.iat.name()));
            if (iat == null) {
                return;
            }
            long tooOldFrom = Math.multiplyExact(Math.addExact(Math.addExact(iat, tokenAgeSeconds), 1), MILLIS_PER_SECOND);
            refusedFrom = Math.min(refusedFrom, tooOldFrom);
        }
        if (clock.millis() >= refusedFrom) {
            return;
        }
        Entry entry = new Entry(jwt, refusedFrom);
        entries.put(token, entry);
        if (generation.get() != generationBeforeVerifying) {
            // cleared while verifying: the put may have landed after the clear
            entries.asMap().remove(token, entry);
        }
    }

    /** Forgets every token, and every verification still under way. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that found nothing acceptable. */
    public long misses() {
        return misses.sum();
    }

    /** Tokens remembered now, after pending evictions. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static Long seconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return null;
    }

    /** Frees an entry once its token is refused (by the wall clock at insertion; hits check again). */
    private final class UntilRefused implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.refusedFromMillis() - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
