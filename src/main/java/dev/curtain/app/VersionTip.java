package dev.curtain.app;

import dev.curtain.engine.GoVersion;

/** What the toolbar's version picker says of the release it shows. */
final class VersionTip {
    private VersionTip() {
    }

    /**
     * The tooltip for release {@code v} (null before a run): an imported run's source ({@code kernelThreadIds}: a
     * trace, which names its release; otherwise a schedtrace log, whose format only bounds it), or a scenario's
     * release with the profile it is simulated with when that is another.
     */
    static String of(GoVersion v, boolean imported, boolean kernelThreadIds) {
        if (v == null) {
            return "Go version profile: re-simulates and stays near the same point";
        }
        if (imported) {
            return kernelThreadIds ? "Go " + v + ": the release that wrote this trace"
                    : "Go " + v + " or later: what the log's format shows (its release is not printed)";
        }
        if (!v.profile().equals(v)) {
            return "Go " + v + ", simulated with the Go " + v.profile() + " profile (the rules it shares with it); "
                    + "pick a profile to re-simulate";
        }
        return "Go version profile: re-simulates and stays near the same point";
    }
}
