package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Cues;
import java.util.List;

/**
 * The scenario's cue points as they fall in one run: the index each shows at (the state after its event, or -1
 * where the run has no matching event), and the questions playback and the presenter ask of them.
 */
final class RunCues {
    static final RunCues NONE = new RunCues(List.of());

    private final List<Cues.Resolved> resolved;
    private final int[] indices;

    private RunCues(List<Cues.Resolved> resolved) {
        this.resolved = List.copyOf(resolved);
        this.indices = new int[resolved.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = resolved.get(i).matched() ? resolved.get(i).eventIndex() + 1 : -1;
        }
    }

    /** Where {@code cues} fall in {@code rec}. */
    static RunCues resolve(Recording rec, List<CuePoint> cues) {
        return new RunCues(Cues.resolve(rec, cues));
    }

    /** The index each cue shows at, in cue order, -1 for a cue this run does not reach; a fresh copy. */
    int[] indices() {
        return indices.clone();
    }

    /** Each cue with the index of the event it falls on, in the file's order. */
    List<Cues.Resolved> resolved() {
        return resolved;
    }

    int size() {
        return indices.length;
    }

    CuePoint cue(int c) {
        return resolved.get(c).cue();
    }

    /** The cue the viewer at index {@code at} stands at or last passed (the later one of two on one index), or -1. */
    int currentAt(int at) {
        int best = -1;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] >= 0 && indices[i] <= at && (best < 0 || indices[i] >= indices[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The nearest index after {@code at} that a cue shows at, or -1 if no cue lies ahead. */
    int nextAfter(int at) {
        int best = Integer.MAX_VALUE;
        for (int i : indices) {
            if (i > at && i < best) {
                best = i;
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /** The first cue (in the file's order) that shows at {@code index}, or -1. */
    int shownAt(int index) {
        if (index <= 0) {
            return -1; // no cue shows before the first event; an unmatched cue's -1 is no index
        }
        for (int c = 0; c < indices.length; c++) {
            if (indices[c] == index) {
                return c;
            }
        }
        return -1;
    }

    /** Whether a cue that asks playback to pause shows at {@code index}. */
    boolean pausesAt(int index) {
        if (index <= 0) {
            return false;
        }
        for (int c = 0; c < indices.length; c++) {
            if (indices[c] == index && resolved.get(c).cue().pause()) {
                return true;
            }
        }
        return false;
    }

    /** The id of the cue the viewer at {@code at} stands exactly at (not merely past), or null. */
    String idExactlyAt(int at) {
        int cue = currentAt(at);
        return cue >= 0 && indices[cue] == at ? resolved.get(cue).cue().id() : null;
    }
}
