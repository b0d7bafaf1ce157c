package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.engine.state.SchedState;

/**
 * Reads the engine's state at the index the viewer moves to. Playing forward folds the few new events into a copy
 * of the state on show, which is cheaper than restoring the nearest snapshot; any other move is a seek. Either way
 * the result is exactly {@code recording.stateAt(index)}.
 */
final class ShownState {
    /** Up to this many events ahead, folding beats a seek. */
    static final int FOLD_AHEAD = 64;

    private ShownState() {
    }

    /**
     * The state after {@code index} events of {@code rec}; {@code shown} (may be null) is the state now on show,
     * from the same recording, and is not changed.
     */
    static SchedState at(Recording rec, SchedState shown, int index) {
        if (shown != null && index > shown.eventCount() && index - shown.eventCount() <= FOLD_AHEAD
                && shown.eventCount() <= rec.size()) {
            SchedState s = shown.copy();
            rec.advance(s, index);
            return s;
        }
        return rec.stateAt(index);
    }
}
