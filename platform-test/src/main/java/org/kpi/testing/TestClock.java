package org.kpi.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The service's {@link Clock} in tests: the real time until a test sets it, then frozen where
 * the test put it. Inject it to move time instead of waiting; call {@link #reset()} after. Like the
 * production clock it ticks in microseconds, PostgreSQL's precision.
 * Being on the test class path, it replaces the production clock (a default bean).
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    /** Freezes the clock at {@code time} on {@code date}, Asia/Shanghai. */
    public void set(LocalDate date, LocalTime time) {
        fixed = date.atTime(time).atZone(ZONE).toInstant();
    }

    /** Freezes the clock at 10:00 on {@code date}, Asia/Shanghai. */
    public void setDate(LocalDate date) {
        set(date, LocalTime.of(10, 0));
    }

    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    public void reset() {
        fixed = null;
    }
}
