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
    /**
     * A batch of one thread's events (or a table): its base timestamp (ticks) and the encoded events; an
     * experimental batch (Go 1.23's allocation tracing) is read past but kept out of the generation.
     */
    record Batch(long m, long time, byte[] data, boolean experimental) {
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
    /** The earliest batch timestamp (ticks), kept as Go 1.25's parser keeps it: the time of its leading Sync. */
    long minTs;
    /** Go 1.25's clock snapshot from the sync batch: trace ticks, monotonic ns, wall seconds and nanoseconds. */
    boolean hasClockSnapshot;
    long snapTicks;
    long snapMono;
    long snapSec;
    long snapNsec;

    /** Go 1.25's rule for the minimum, quirk included: a batch at time 0 never counts as the minimum. */
    void seen(Batch b) {
        if (minTs == 0 || Long.compareUnsigned(b.time(), minTs) < 0) {
            minTs = b.time();
        }
    }

    void add(Batch b) {
        eventBytes += b.data().length;
        batches.computeIfAbsent(b.m(), k -> new ArrayList<>()).add(b);
    }
}
