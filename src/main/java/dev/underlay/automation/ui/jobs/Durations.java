package dev.underlay.automation.ui.jobs;

import java.time.Duration;
import java.util.Locale;

/** Durations as the jobs views show them: {@code 4.2 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
final class Durations {
    private Durations() {
    }

    static String text(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
