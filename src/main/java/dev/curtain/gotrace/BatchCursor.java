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
    /** The decoding position inside the current batch. */
    private int pos;
    /** Bytes of this thread's events decoded so far. */
    long consumed;

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
        pos = off + 1;
        long dt = uvarint(d);
        int n = EventType.argCount(t) - 1;
        long[] a = new long[5];
        for (int i = 0; i < n; i++) {
            a[i] = uvarint(d);
        }
        type = t;
        args = a;
        time = tables.ns(dt) + lastTs;
        lastTs = time;
        consumed += pos - off;
        off = pos;
        return true;
    }

    /** One unsigned varint at {@link #pos} (inlined here: it runs for every argument of every event). */
    private long uvarint(byte[] d) throws TraceFormatException {
        long x = 0;
        int shift = 0;
        for (int k = 0; k < 10; k++) {
            if (pos >= d.length) {
                throw new TraceFormatException("a batch of thread " + m + " ends inside an event", -1);
            }
            int b = d[pos++] & 0xff;
            if (b < 0x80) {
                if (k == 9 && b > 1) {
                    break;
                }
                return x | ((long) b << shift);
            }
            x |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        throw new TraceFormatException("varint overflows 64 bits", -1);
    }
}
