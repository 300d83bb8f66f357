package org.kpi.notify.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a message may go out under a unit's quiet hours: now, or at the end of the window it falls in. */
public final class QuietWindow {

    private QuietWindow() {
    }

    /** {@code at} itself when outside {@code quiet} (or when there are no quiet hours), else the window's end. */
    public static Instant release(Instant at, QuietHours quiet, ZoneId zone) {
        if (quiet == null) {
            return at;
        }
        LocalTime start = quiet.startTime();
        LocalTime end = quiet.endTime();
        if (start.equals(end)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            // same-day window, e.g. 12:00–13:30
            if (!time.isBefore(start) && time.isBefore(end)) {
                return day.atTime(end).atZone(zone).toInstant();
            }
            return at;
        }
        // window across midnight, e.g. 22:00–07:30
        if (!time.isBefore(start)) {
            return day.plusDays(1).atTime(end).atZone(zone).toInstant();
        }
        if (time.isBefore(end)) {
            return day.atTime(end).atZone(zone).toInstant();
        }
        return at;
    }
}
