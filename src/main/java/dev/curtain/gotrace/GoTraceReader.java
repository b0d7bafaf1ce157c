package dev.curtain.gotrace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams the events of a Go 1.22 to 1.25 execution trace in the order Go's own parser gives them (Go 1.24 writes
 * the Go 1.23 format, header included).
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     GoTraceReader r = new GoTraceReader(in);     // reads the header: refuses other formats
 *     for (TraceEvent e; (e = r.next()) != null; ) { ... }
 * }
 * }</pre>
 * Within a generation, each thread's events are in order already; across threads the reader takes the earliest
 * next event the {@link Ordering} accepts, trying the others by time when it declines (the same frontier Go's parser
 * keeps). {@link EventType#SYNC} events come where the parser of the trace's release puts them: at the end of each
 * generation for Go 1.22 and 1.23 traces, at the start of each generation (with its clock snapshot) and once at the
 * end for Go 1.25 traces. Times are made strictly increasing, as Go's parser makes them.
 */
public final class GoTraceReader {
    /** The releases whose format this reader knows; older traces have another format, newer may add events. */
    public static final String SUPPORTED = "Go 1.22 to Go 1.25";
    static final int HEADER_BYTES = 16;

    private final ByteSource in;
    private final GenerationReader generations;
    private final int minor;
    private final Ordering order = new Ordering();
    private Generation gen;
    private BatchCursor[] frontier = new BatchCursor[0];
    private int frontierSize;
    private List<long[]> cpu = List.of();
    private int cpuNext;
    private boolean syncPending;
    /** Go 1.25's parser: a Sync opens each generation; the generation read for it starts on the next call. */
    private final boolean leadingSyncs;
    private Generation pendingGeneration;
    private TraceFormatException pendingError;
    private long syncs;
    private boolean ended;
    private long lastTs;
    private long generationCount;
    private long eventCount;
    /** Event bytes of the current generation taken so far (by threads whose cursors are done, and live ones). */
    private long doneBytes;

    /**
     * @throws TraceFormatException if the stream is not a Go trace, or one of an unsupported version
     */
    public GoTraceReader(InputStream stream) throws IOException, TraceFormatException {
        this.in = new ByteSource(stream);
        byte[] head = new byte[HEADER_BYTES];
        int n = 0;
        for (; n < HEADER_BYTES; n++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head[n] = (byte) b;
        }
        this.minor = headerVersion(Arrays.copyOf(head, n));
        if (minor < 0) {
            throw new TraceFormatException("not a Go execution trace (it does not start with \"go 1.N trace\")", 0);
        }
        if (minor == 24) {
            // Go's parser knows no version 24 either: Go 1.24 writes "go 1.23 trace".
            throw new TraceFormatException("a trace whose header says Go 1.24, which no Go release writes (Go 1.24 "
                    + "writes the Go 1.23 format): Curtain reads the execution traces of " + SUPPORTED, 0);
        }
        if (minor < 22 || minor > 25) {
            throw new TraceFormatException("a Go 1." + minor + " trace: Curtain reads the execution traces of "
                    + SUPPORTED + (minor < 22 ? " (older releases wrote another format; capture the trace with Go "
                    + "1.22 or later)" : ""), 0);
        }
        this.leadingSyncs = minor >= 25;
        this.generations = new GenerationReader(in, minor);
    }

    /**
     * The minor version in a trace header ({@code "go 1.22 trace\0\0\0"} gives 22), or -1 if {@code head} does not
     * start like one. Only the bytes given are checked, so a file's first 16 bytes are enough.
     */
    public static int headerVersion(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (!s.startsWith("go 1.")) {
            return -1;
        }
        int i = 5;
        int v = 0;
        while (i < s.length() && i < 8 && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return i > 5 && s.startsWith(" trace", i) ? v : -1;
    }

    /** "1.22", "1.23" or "1.25": the format's release, from the header (a Go 1.24 trace says "1.23"). */
    public String goVersion() {
        return "1." + minor;
    }

    /** Bytes of the file read so far (a generation is read whole before its events come out). */
    public long bytesRead() {
        return in.position();
    }

    /**
     * How far into the file the events returned so far reach, for a progress bar: a generation is read whole before
     * its events come out, so this interpolates inside it by the share of its event bytes taken.
     */
    public long bytesDone() {
        if (gen == null) {
            return in.position();
        }
        long live = doneBytes;
        for (int i = 0; i < frontierSize; i++) {
            live += frontier[i].consumed;
        }
        double share = gen.eventBytes == 0 ? 1 : Math.min(1.0, (double) live / gen.eventBytes);
        return gen.startOffset + (long) (gen.bytes * share);
    }

    public long generations() {
        return generationCount;
    }

    /** Events returned so far. */
    public long events() {
        return eventCount;
    }

    /**
     * The next event, or null at the end of the trace.
     *
     * @throws TraceFormatException where the trace is broken or cut short; the events before it were valid
     */
    public TraceEvent next() throws IOException, TraceFormatException {
        TraceEvent e = nextUnstamped();
        if (e != null) {
            if (e.time <= lastTs) {
                e.time = lastTs + 1;
            }
            lastTs = e.time;
            eventCount++;
        }
        return e;
    }

    private TraceEvent nextUnstamped() throws IOException, TraceFormatException {
        TraceEvent queued = order.poll();
        if (queued != null) {
            return queued;
        }
        if (ended) {
            return null;
        }
        while (leadingSyncs && frontierSize == 0 && cpuNext >= cpu.size()) {
            TraceEvent sync = nextGeneration125();
            if (sync != null) {
                return sync;
            }
            if (ended) {
                return null;
            }
        }
        if (frontierSize == 0 && cpuNext >= cpu.size()) {
            if (syncPending) {
                syncPending = false;
                return sync(lastTs, gen.tables, true, null);
            }
            Generation g = generations.next();
            if (g == null) {
                ended = true;
                return null;
            }
            startGeneration(g);
        }
        if (cpuNext < cpu.size() && (frontierSize == 0 || cpu.get(cpuNext)[0] < frontier[0].time)) {
            long[] s = cpu.get(cpuNext++);
            long[] a = new long[5];
            a[0] = s[4];
            return new TraceEvent(EventType.CPU_SAMPLE, s[0], s[1], s[2], s[3], a, gen.tables);
        }
        if (frontierSize == 0) {
            throw new TraceFormatException("broken trace: nothing left to order in generation " + gen.gen, -1);
        }
        if (!tryAdvance(0)) {
            sortFrontier();
            boolean advanced = false;
            for (int i = 1; i < frontierSize; i++) {
                if (tryAdvance(i)) {
                    advanced = true;
                    break;
                }
            }
            if (!advanced) {
                throw new TraceFormatException("broken trace: no thread's next event can come next in generation "
                        + gen.gen + " (" + describeFrontier() + ")", -1);
            }
        }
        TraceEvent e = order.poll();
        if (e == null) {
            throw new IllegalStateException("the ordering advanced but queued no event");
        }
        return e;
    }

    /**
     * Go 1.25's parser between generations: read the next one and give its opening Sync (time: its earliest
     * batch), then start it on the next call; after the last, or before an error, one more Sync with no snapshot.
     * Returns null once the pending generation has started and its first event is to come.
     */
    private TraceEvent nextGeneration125() throws IOException, TraceFormatException {
        if (pendingError != null) {
            TraceFormatException e = pendingError;
            pendingError = null;
            ended = true;
            throw e;
        }
        if (pendingGeneration != null) {
            startGeneration(pendingGeneration);
            pendingGeneration = null;
            syncPending = false;
            return null;
        }
        Generation g;
        try {
            g = generations.next();
        } catch (TraceFormatException e) {
            pendingError = e;
            Tables none = new Tables();
            none.minor = minor;
            return sync(lastTs, gen == null ? none : gen.tables, generationCount > 0, null);
        }
        if (g == null) {
            ended = true;
            return generationCount == 0 ? null : sync(lastTs, gen.tables, true, null);
        }
        pendingGeneration = g;
        long[] snap = {g.tables.ns(g.snapTicks), g.snapMono, g.snapSec, g.snapNsec};
        return sync(g.tables.ns(g.minTs), g.tables, generationCount > 0, snap);
    }

    private TraceEvent sync(long time, Tables tables, boolean closes, long[] snapshot) {
        long[] a = new long[5];
        a[0] = ++syncs;
        TraceEvent e = new TraceEvent(EventType.SYNC, time, -1, -1, -1, a, tables);
        e.closesGeneration = closes;
        e.clockSnapshot = snapshot;
        return e;
    }

    private void startGeneration(Generation g) throws TraceFormatException {
        gen = g;
        generationCount++;
        cpu = g.cpuSamples;
        cpuNext = 0;
        frontier = new BatchCursor[g.batches.size()];
        frontierSize = 0;
        doneBytes = 0;
        for (Map.Entry<Long, List<Generation.Batch>> e : g.batches.entrySet()) {
            BatchCursor bc = new BatchCursor(e.getKey(), e.getValue(), g.tables);
            if (bc.next()) {
                heapInsert(bc);
            }
        }
        syncPending = true;
    }

    private boolean tryAdvance(int i) throws TraceFormatException {
        BatchCursor bc = frontier[i];
        if (!order.advance(bc.type, bc.time, bc.args, gen.tables, bc.m, gen.gen)) {
            return false;
        }
        if (bc.next()) {
            heapUpdate(i);
        } else {
            doneBytes += bc.consumed;
            heapRemove(i);
        }
        return true;
    }

    private String describeFrontier() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < frontierSize; i++) {
            BatchCursor bc = frontier[i];
            out.add("thread " + bc.m + ": " + EventType.name(bc.type) + " at " + bc.time);
        }
        return String.join(", ", out);
    }

    // The frontier: a binary min-heap on the next event's time, operated exactly as Go's parser does, so that the
    // order in which declined events are retried (and so the output) is the same.

    private void sortFrontier() {
        Arrays.sort(frontier, 0, frontierSize, (a, b) -> Long.compare(a.time, b.time));
    }

    private void heapInsert(BatchCursor bc) {
        frontier[frontierSize++] = bc;
        siftUp(frontierSize - 1);
    }

    private void heapUpdate(int i) {
        if (siftUp(i) != i) {
            return;
        }
        siftDown(i);
    }

    private void heapRemove(int i) {
        while (i > 0) {
            swap((i - 1) / 2, i);
            i = (i - 1) / 2;
        }
        swap(0, frontierSize - 1);
        frontier[--frontierSize] = null;
        siftDown(0);
    }

    private void swap(int a, int b) {
        BatchCursor t = frontier[a];
        frontier[a] = frontier[b];
        frontier[b] = t;
    }

    private int siftUp(int i) {
        while (i > 0 && frontier[(i - 1) / 2].time > frontier[i].time) {
            swap((i - 1) / 2, i);
            i = (i - 1) / 2;
        }
        return i;
    }

    private void siftDown(int i) {
        while (true) {
            int m = min3(i, 2 * i + 1, 2 * i + 2);
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private int min3(int i0, int i1, int i2) {
        int minIdx = i0;
        long minT = Long.MAX_VALUE;
        if (i0 < frontierSize) {
            minT = frontier[i0].time;
        }
        if (i1 < frontierSize && frontier[i1].time < minT) {
            minT = frontier[i1].time;
            minIdx = i1;
        }
        if (i2 < frontierSize && frontier[i2].time < minT) {
            minIdx = i2;
        }
        return minIdx;
    }
}
