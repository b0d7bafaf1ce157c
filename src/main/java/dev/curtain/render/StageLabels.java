package dev.curtain.render;

import dev.curtain.engine.state.SchedState;

/**
 * What the stage writes on a goroutine's token and under it, and which tokens it marks as inferred. A simulated run
 * uses {@link #ENGINE}: the engine's ids, its names, nothing inferred, so its pictures do not change. An imported
 * run names its goroutines by their real ids and marks the ones whose place the log or trace does not record.
 */
public interface StageLabels {
    /** The engine's ids and names; nothing is inferred. */
    StageLabels ENGINE = new StageLabels() {
    };

    /** The number on goroutine {@code g}'s token. */
    default String token(int g) {
        return Integer.toString(g);
    }

    /** The name under goroutine {@code g}'s token, given the engine's name for it. */
    default String name(int g, String engineName) {
        return engineName;
    }

    /** Whether goroutine {@code g}'s place in {@code s} is inferred rather than recorded: drawn dashed. */
    default boolean inferred(SchedState s, int g) {
        return false;
    }
}
