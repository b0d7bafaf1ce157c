package dev.curtain.importer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Real goroutine ids against the engine's. The engine numbers goroutines densely from 1 in order of creation, while
 * the runtime hands out goids in per-P batches of 16 (G1, G2, G17, G33 …) that reach millions in long-running
 * programs; so each goroutine gets the next engine id when it first appears, and its name says its real goid.
 * Placeholder goroutines (summary logs) have no real id (-1).
 */
final class GoroutineIds {
    private final Map<Long, Integer> engineByReal = new HashMap<>();
    private long[] realByEngine = new long[1024];
    private int next = 1;

    /** The engine id of real goid {@code goid}, or -1 if it never appeared. */
    int engine(long goid) {
        Integer e = engineByReal.get(goid);
        return e == null ? -1 : e;
    }

    /** Reserves the next engine id for {@code goid} (or for a placeholder when {@code goid} is -1). */
    int assign(long goid) {
        int e = next++;
        if (e >= realByEngine.length) {
            realByEngine = Arrays.copyOf(realByEngine, realByEngine.length * 2);
        }
        realByEngine[e] = goid;
        if (goid >= 0) {
            engineByReal.put(goid, e);
        }
        return e;
    }

    /** The real goid of engine goroutine {@code e}, or -1 for a placeholder. */
    long real(int e) {
        return e > 0 && e < next ? realByEngine[e] : -1;
    }

    /** One more than the highest engine id handed out. */
    int next() {
        return next;
    }

    boolean isPlaceholder(int e) {
        return real(e) < 0;
    }

    /**
     * The name the animator shows for a goroutine read from the log: its goid, and what it is when the log gives it
     * away (goroutine 1 runs main; the runtime's own goroutines park with reasons no user code uses).
     */
    static String name(long goid, String waitReason) {
        String what = goid == 1 ? "main" : switch (waitReason == null ? "" : waitReason) {
            case "force gc (idle)" -> "runtime.forcegchelper";
            case "GC sweep wait" -> "runtime.bgsweep";
            case "GC scavenge wait" -> "runtime.bgscavenge";
            case "finalizer wait" -> "runtime.runfinq";
            case "GC worker (idle)", "GC worker (active)" -> "runtime.gcBgMarkWorker";
            default -> null;
        };
        return what == null ? "goroutine " + goid : "goroutine " + goid + " (" + what + ")";
    }
}
