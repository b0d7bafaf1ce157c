package dev.curtain.scenario;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import java.util.ArrayList;
import java.util.List;

/** Finds where each cue falls in a run's event log. */
public final class Cues {
    private Cues() {
    }

    /** A cue and the index of the event it falls on, or -1 when nothing in this run matches it. */
    public record Resolved(CuePoint cue, int eventIndex) {
        public boolean matched() {
            return eventIndex >= 0;
        }
    }

    /** Resolves every cue against the log, in the scenario's order. */
    public static List<Resolved> resolve(Recording rec, List<CuePoint> cues) {
        List<Resolved> out = new ArrayList<>(cues.size());
        for (CuePoint c : cues) {
            out.add(new Resolved(c, find(rec.events(), c.match())));
        }
        return out;
    }

    static int find(List<Event> events, CueMatch match) {
        int seen = 0;
        for (int i = 0; i < events.size(); i++) {
            if (match.fits(events.get(i)) && ++seen == match.occurrence()) {
                return i;
            }
        }
        return -1;
    }
}
