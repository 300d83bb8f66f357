package org.kpi.common.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices that the token verification key (验签公钥) may have changed, by reading its source (a
 * PEM file, a JWKS URL) again once an interval has passed: by the first caller after the
 * interval, one caller at a time, the others going on without waiting ({@link CachingJwtParser}
 * asks from a thread of its own). A source that cannot be
 * read counts as changed, so what was verified with the old key is verified again.
 */
public final class KeySourceWatch {

    /** Reads the key source's content. */
    @FunctionalInterface
    public interface KeySource {

        /** The source's content now. */
        String read() throws IOException;
    }

    private final KeySource source;
    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextCheckMillis;
    private volatile String lastContent;

    public KeySourceWatch(KeySource source, Duration interval, Clock clock) {
        this.source = source;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.lastContent = readOrNull();
        this.nextCheckMillis = new AtomicLong(clock.millis() + intervalMillis);
    }

    /**
     * Reads the source again when the interval has passed and no other caller is doing so; whether
     * its content differs from the previous read (or could not be read).
     */
    public boolean changed() {
        long now = clock.millis();
        long due = nextCheckMillis.get();
        if (now < due || !nextCheckMillis.compareAndSet(due, now + intervalMillis)) {
            return false;
        }
        String content = readOrNull();
        boolean changed = content == null || !content.equals(lastContent);
        lastContent = content;
        return changed;
    }

    private String readOrNull() {
        try {
            return source.read();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
