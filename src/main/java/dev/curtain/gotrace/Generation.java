package dev.curtain.gotrace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation: its number, its tables, and its event batches by thread in file order (threads in the order
 * they first appear, so a tie between two threads' events always breaks the same way).
 */
final class Generation {
    /** A batch of one thread's events: its base timestamp (ticks) and the encoded events. */
    record Batch(long m, long time, byte[] data) {
    }

    long gen;
    final Tables tables = new Tables();
    final Map<Long, List<Batch>> batches = new LinkedHashMap<>();
    /** CPU samples: time (ns once the frequency is known), m, p, g, stack. */
    final List<long[]> cpuSamples = new ArrayList<>();
    long bytes;
    /** Where the generation starts in the file, and the bytes of its threads' events (for progress within it). */
    long startOffset;
    long eventBytes;

    void add(Batch b) {
        eventBytes += b.data().length;
        batches.computeIfAbsent(b.m(), k -> new ArrayList<>()).add(b);
    }
}
