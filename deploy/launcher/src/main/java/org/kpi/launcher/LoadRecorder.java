package org.kpi.launcher;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Collects the latency and outcome of each request or query of one measured phase. */
final class LoadRecorder {

    /** Latencies up to a minute, at three significant digits. */
    private final Histogram latencies = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
    private long failures;
    private final Map<Integer, Long> failed = new TreeMap<>();

    /** Records one exchange; {@code status} is its HTTP status, or 0 when it failed without one. */
    synchronized void record(long nanos, int status) {
        latencies.recordValue(Math.min(nanos, latencies.getHighestTrackableValue()));
        if (status < 200 || status >= 300) {
            failures++;
            failed.merge(status, 1L, Long::sum);
        }
    }

    synchronized LoadResult result(Duration elapsed) {
        return new LoadResult(latencies.getTotalCount(), failures, Map.copyOf(failed), elapsed,
                Duration.ofNanos(latencies.getValueAtPercentile(50)),
                Duration.ofNanos(latencies.getValueAtPercentile(99)));
    }
}
