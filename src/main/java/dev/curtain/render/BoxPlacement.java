package dev.curtain.render;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;

/**
 * Where a thread's box is drawn at one moment of a move, and how: a thread that stays slides from its old place
 * to its new one; a new thread slides out of the box of the thread that cloned it, growing and fading in; an
 * exiting (or folded) thread shrinks and fades where it was. The stage view positions its clickable box nodes
 * with it and the renderer draws the boxes' pictures with it, so the two never disagree.
 *
 * @param still true when the box neither moves nor fades during the whole move (it is drawn once per step)
 * @param inNewState true when the thread is on stage after the move (false while it fades away)
 */
public record BoxPlacement(Rect rect, double opacity, double scale, boolean still, boolean inNewState) {

    /** Thread {@code m}'s box {@code t} (eased) of the way through the move, or null when it is not on stage. */
    public static BoxPlacement of(int m, SchedState fromState, StageGeometry from, SchedState toState,
                                  StageGeometry to, double t) {
        boolean inTo = m < toState.threads().size() && StageRenderer.visible(toState.thread(m), to);
        boolean inFrom = m < fromState.threads().size() && StageRenderer.visible(fromState.thread(m), from);
        if (inTo && inFrom) {
            Rect a = from.mBox[m];
            Rect b = to.mBox[m];
            return new BoxPlacement(a.lerp(b, t), 1, 1, a.equals(b), true);
        }
        if (inTo) {
            int creator = toState.thread(m).clonedFrom();
            Rect start = creator >= 0 && creator < from.mBox.length && from.mBox[creator] != null
                    ? from.mBox[creator] : to.mBox[m];
            return new BoxPlacement(start.lerp(to.mBox[m], t), t, 0.6 + 0.4 * t, false, true);
        }
        if (inFrom) {
            return new BoxPlacement(from.mBox[m], 1 - t, 1 - 0.4 * t, false, false);
        }
        return null;
    }

    /** Whether the box can be seen at all at this moment. */
    public boolean shown() {
        return opacity > 0.01;
    }
}
