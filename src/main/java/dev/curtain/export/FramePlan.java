package dev.curtain.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which state every frame of an export shows, and how far its move has got: playback's timing at 1x, in whole
 * frames, so a render is the same at any machine speed. Each event holds one beat ({@value #BEAT_SECONDS} s, as
 * the app plays it); its move takes the first {@value #MOVE_SECONDS} s. A cue that pauses playback in the app
 * holds its frame {@value #CUE_HOLD_SECONDS} s longer, so its caption can be read.
 */
public final class FramePlan {
    public static final double BEAT_SECONDS = 0.9;
    public static final double MOVE_SECONDS = 0.52;
    public static final double CUE_HOLD_SECONDS = 2.5;
    /** A cap on frames, so a huge scenario at a high frame rate is refused rather than rendered for hours. */
    public static final int MAX_FRAMES = 200_000;

    /** One frame: the playback index (events applied) and the eased-from-zero progress of the move into it. */
    public record Frame(int index, double progress) {
    }

    private final List<Frame> frames;
    private final int fps;

    private FramePlan(List<Frame> frames, int fps) {
        this.frames = Collections.unmodifiableList(frames);
        this.fps = fps;
    }

    /**
     * Plays from index {@code from} to index {@code to} (inclusive; playback indices, 0..events) at {@code fps}.
     * The first state is held one beat; every later index arrives with its move. Indices in {@code pauses} hold
     * longer.
     */
    public static FramePlan of(int from, int to, int fps, Set<Integer> pauses) {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("frame rate must be 1..120, not " + fps);
        }
        if (to < from) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        int beat = Math.max(1, (int) Math.round(BEAT_SECONDS * fps));
        int move = Math.max(1, Math.min(beat, (int) Math.round(MOVE_SECONDS * fps)));
        int hold = (int) Math.round(CUE_HOLD_SECONDS * fps);
        long total = (long) (to - from + 1) * beat + (long) pauses.size() * hold;
        if (total > MAX_FRAMES) {
            throw new IllegalArgumentException("the range needs " + total + " frames, more than " + MAX_FRAMES
                    + ": pick a shorter range (--from/--to) or a lower frame rate");
        }
        List<Frame> out = new ArrayList<>((int) total);
        for (int i = from; i <= to; i++) {
            boolean moves = i > from;
            int n = beat + (pauses.contains(i) ? hold : 0);
            for (int k = 0; k < n; k++) {
                out.add(new Frame(i, moves ? Math.min(1, (k + 1) / (double) move) : 1));
            }
        }
        return new FramePlan(out, fps);
    }

    /** A single still: the settled state at {@code index}. */
    public static FramePlan still(int index) {
        return new FramePlan(List.of(new Frame(index, 1)), 1);
    }

    public List<Frame> frames() { return frames; }
    public int size() { return frames.size(); }
    public int fps() { return fps; }

    /** Length in seconds. */
    public double seconds() {
        return frames.size() / (double) fps;
    }
}
