package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.scenario.Cues;
import java.util.List;

/**
 * Where the viewer was in a run, kept across a re-simulation under another Go version or GOMAXPROCS, whose events
 * differ: at a cue (the same cue in the new run, if it matches there), at the start, or else at the same fraction
 * of the run's simulated time.
 *
 * @param cueId    the cue the viewer stood exactly at, or null
 * @param fraction how far through the run's time the viewer was, 0 to 1
 * @param atStart  whether the viewer was at or before the point where main starts running
 */
record RunAnchor(String cueId, double fraction, boolean atStart) {
    /** The anchor for standing at index {@code at} of {@code rec} (after {@code at} events), at cue {@code cueId}. */
    static RunAnchor at(Recording rec, int at, String cueId) {
        double fraction = 0;
        if (rec != null && rec.size() > 0) {
            long end = rec.event(rec.size() - 1).timeNs();
            long now = at > 0 ? rec.event(at - 1).timeNs() : 0;
            fraction = end > 0 ? now / (double) end : at / (double) rec.size();
            if (at == rec.size()) {
                fraction = 1;
            }
        }
        return new RunAnchor(cueId, fraction, at <= openingIndex(rec));
    }

    /**
     * Where a freshly opened run starts: right after the first goroutine starts running, so the stage shows a
     * process (a P, M0 and main) instead of an empty room. Home still goes back to before the first event.
     */
    static int openingIndex(Recording rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i) instanceof Event.GoroutineStarted) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The index in the new run {@code rec} (whose cues resolved to {@code resolved}) that stands for this anchor. */
    int resolve(Recording rec, List<Cues.Resolved> resolved) {
        if (atStart || rec.size() == 0) {
            return openingIndex(rec);
        }
        if (cueId != null) {
            for (Cues.Resolved r : resolved) {
                if (r.cue().id().equals(cueId) && r.matched()) {
                    return r.eventIndex() + 1;
                }
            }
        }
        if (fraction >= 1) {
            return rec.size();
        }
        long end = rec.event(rec.size() - 1).timeNs();
        long target = (long) (fraction * end);
        for (int i = 0; i < rec.size(); i++) {
            if (rec.event(i).timeNs() >= target) {
                return i + 1;
            }
        }
        return rec.size();
    }
}
