package dev.curtain.scenario;

import dev.curtain.engine.event.Event;

/**
 * Which event a cue belongs to: the {@code occurrence}-th event (1-based) of a kind that concerns the given
 * entities, or the first event at or after a simulated time. Unset fields (null) match anything.
 *
 * @param event the event record's simple name, for example "ThreadCloned" or "ProcessorRetaken"; null for any
 * @param g goroutine id the event must concern
 * @param p processor id
 * @param m thread id
 * @param atNs with no other criteria: the first event at or after this time
 * @param occurrence which matching event (1 = the first)
 */
public record CueMatch(String event, Integer g, Integer p, Integer m, Long atNs, int occurrence) {
    public CueMatch {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence must be >= 1");
        }
    }

    public static CueMatch ofEvent(String event, int occurrence) {
        return new CueMatch(event, null, null, null, null, occurrence);
    }

    public static CueMatch atTime(long ns) {
        return new CueMatch(null, null, null, null, ns, 1);
    }

    /** Whether {@code e} fits the kind and entity criteria (time is handled by {@link Cues}). */
    public boolean fits(Event e) {
        if (event != null && !event.equals(e.getClass().getSimpleName())) {
            return false;
        }
        if (g != null && e.g() != g) {
            return false;
        }
        if (p != null && e.p() != p) {
            return false;
        }
        if (m != null && e.m() != m) {
            return false;
        }
        return atNs == null || e.timeNs() >= atNs;
    }
}
