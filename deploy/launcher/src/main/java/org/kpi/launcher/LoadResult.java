package org.kpi.launcher;

import java.time.Duration;
import java.util.Map;

/**
 * What one measured phase achieved: how many exchanges, how many failed (by HTTP status, 0 for
 * no answer), and their latency.
 */
record LoadResult(long count, long failures, Map<Integer, Long> failedByStatus, Duration elapsed, Duration p50,
                  Duration p99) {

    double perSecond() {
        return count / (elapsed.toNanos() / 1e9);
    }
}
