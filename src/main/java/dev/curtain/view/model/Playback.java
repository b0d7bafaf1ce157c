package dev.curtain.view.model;

import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Where the viewer is in the event log and how it moves: play, pause, step, seek, speed.
 *
 * <p>Time comes in from outside ({@link #tick(long)}, fed by one animation timer in the app) and is consumed in
 * fixed logical steps with an accumulator and a clamp, as FXGL's loop runner does: a pause in frames (a GC, a
 * dragged window) never makes playback jump, and the same sequence of ticks always lands on the same index.
 */
public final class Playback {
    /** One logical step: playback advances in these, whatever the display's frame rate. */
    public static final long STEP_NANOS = 1_000_000_000L / 120;
    /** Seconds one event stays on screen at 1x: long enough to say what happened. */
    public static final double BEAT_SECONDS = 0.9;
    /** Longest gap between two ticks that counts; longer gaps (a stall) are clamped to this. */
    static final long MAX_FRAME_NANOS = 250_000_000L;
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 8;
    private static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8};

    // ---- properties
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);

    private final SimpleBooleanProperty atEnd = new SimpleBooleanProperty(this, "atEnd", true);

    private IntPredicate pauseAt = i -> false;
    private long lastTick = -1;
    private long accumulator;
    private double beat;

    public Playback() {
        atEnd.bind(index.isEqualTo(size));
        speed.addListener((o, a, b) -> {
            double v = Math.max(MIN_SPEED, Math.min(MAX_SPEED, b.doubleValue()));
            if (v != b.doubleValue()) {
                speed.set(v);
            }
        });
        playing.addListener((o, was, now) -> {
            lastTick = -1;
            accumulator = 0;
            beat = 0;
            if (now && index.get() >= size.get()) {
                index.set(0);
            }
        });
    }

    /** Current position: the number of events applied, 0..size. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public int getIndex() { return index.get(); }
    /** Number of events in the log being played. */
    public ReadOnlyIntegerProperty sizeProperty() { return size.getReadOnlyProperty(); }
    public int getSize() { return size.get(); }
    public BooleanProperty playingProperty() { return playing; }
    public boolean isPlaying() { return playing.get(); }
    /** Playback speed, 0.25x to 8x. */
    public DoubleProperty speedProperty() { return speed; }
    public double getSpeed() { return speed.get(); }
    /** True when every event has been applied. */
    public ReadOnlyBooleanProperty atEndProperty() { return atEnd; }

    // ---- commands

    /** Loads a log of {@code events} events and puts the viewer at {@code at}, paused. */
    public void load(int events, int at) {
        playing.set(false);
        size.set(events);
        index.set(clamp(at));
    }

    /** Where playback stops by itself (cue points that pause). */
    public void setPauseAt(IntPredicate pauseAt) {
        this.pauseAt = pauseAt;
    }

    public void play() { playing.set(true); }
    public void pause() { playing.set(false); }
    public void togglePlay() { playing.set(!playing.get()); }

    public void stepForward() {
        pause();
        seek(index.get() + 1);
    }

    public void stepBack() {
        pause();
        seek(index.get() - 1);
    }

    /** Back to before the first event, paused. */
    public void restart() {
        pause();
        seek(0);
    }

    public void toEnd() {
        pause();
        seek(size.get());
    }

    public void seek(int i) {
        index.set(clamp(i));
    }

    /** The next speed of the 0.25/0.5/1/2/4/8 ladder. */
    public void faster() {
        for (double s : SPEEDS) {
            if (s > speed.get() + 1e-9) {
                speed.set(s);
                return;
            }
        }
    }

    public void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < speed.get() - 1e-9) {
                speed.set(SPEEDS[i]);
                return;
            }
        }
    }

    /**
     * Feeds the clock: {@code nowNanos} from an animation timer. Advances by whole logical steps only; one event
     * per beat at 1x. Stops at the end and at cue points that pause.
     */
    public void tick(long nowNanos) {
        if (!playing.get()) {
            return;
        }
        if (lastTick < 0) {
            lastTick = nowNanos;
            return;
        }
        long dt = Math.max(0, Math.min(MAX_FRAME_NANOS, nowNanos - lastTick));
        lastTick = nowNanos;
        accumulator += dt;
        double beatPerStep = STEP_NANOS / 1e9 * speed.get() / BEAT_SECONDS;
        while (accumulator >= STEP_NANOS && playing.get()) {
            accumulator -= STEP_NANOS;
            beat += beatPerStep;
            if (beat >= 1) {
                beat -= 1;
                advanceOne();
            }
        }
    }

    /** How long one event's animation may take at the current speed, in seconds. */
    public double beatSeconds() {
        return BEAT_SECONDS / speed.get();
    }

    private void advanceOne() {
        if (index.get() >= size.get()) {
            playing.set(false);
            return;
        }
        index.set(index.get() + 1);
        if (index.get() >= size.get() || pauseAt.test(index.get())) {
            playing.set(false);
        }
    }

    private int clamp(int i) {
        return Math.max(0, Math.min(size.get(), i));
    }
}
