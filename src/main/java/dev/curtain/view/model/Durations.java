package dev.curtain.view.model;

import java.util.Locale;

/** Simulated times as people read them: "0 ns", "20 µs", "1.005 ms", "2.5 s". */
public final class Durations {
    private Durations() {
    }

    public static String format(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }
}
