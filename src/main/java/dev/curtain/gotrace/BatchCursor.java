package dev.curtain.gotrace;

import java.util.List;

/** Where the reader is in one thread's batches of a generation: the next event, decoded, with its time. */
final class BatchCursor {
    final long m;
    private final List<Generation.Batch> batches;
    private final Tables tables;
    private int idx;
    private int off;
    private long lastTs;
    int type;
    long time;
    long[] args = new long[5];

    BatchCursor(long m, List<Generation.Batch> batches, Tables tables) {
        this.m = m;
        this.batches = batches;
        this.tables = tables;
    }

    /** Decodes the next event; false when the thread's batches are used up. */
    boolean next() throws TraceFormatException {
        while (idx < batches.size() && batches.get(idx).data().length == off) {
            idx++;
            off = 0;
            lastTs = 0;
        }
        if (idx == batches.size()) {
            return false;
        }
        Generation.Batch b = batches.get(idx);
        if (lastTs == 0) {
            lastTs = tables.ns(b.time());
        }
        byte[] d = b.data();
        int t = d[off] & 0xff;
        if (!EventType.isTimed(t)) {
            throw new TraceFormatException("found an event of type " + EventType.name(t) + " in the batch of thread "
                    + m + " where a timed event belongs", -1);
        }
        GenerationReader.Cursor c = new GenerationReader.Cursor(d, off + 1);
        long dt = c.uvarint();
        int n = EventType.argCount(t) - 1;
        long[] a = new long[5];
        for (int i = 0; i < n; i++) {
            a[i] = c.uvarint();
        }
        type = t;
        args = a;
        time = tables.ns(dt) + lastTs;
        lastTs = time;
        off = c.i;
        return true;
    }
}
