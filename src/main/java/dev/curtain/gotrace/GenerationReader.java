package dev.curtain.gotrace;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads batches until the next generation starts (the batch that starts it is kept for the next call), filling the
 * string, stack and frequency tables, as Go's parser does. The runtime writes a generation's tables at its end, so
 * a file cut short loses its last generation: {@link #next} then reports the cut after the generations before it.
 * A Go 1.25 trace carries the frequency in a sync batch ({@link EventType#SYNC_BATCH}) with a clock snapshot, which
 * every generation must have; earlier ones in a batch holding the frequency alone.
 */
final class GenerationReader {
    /** The format's limits (Go refuses larger ones too): a batch, a string, the frames of a stack. */
    static final int MAX_BATCH = 64 << 10;
    static final int MAX_STRING = 1 << 10;
    static final int MAX_FRAMES = 128;

    private final ByteSource in;
    /** The minor version of the trace's header: 25 and later have sync batches. */
    private final int minor;
    private Generation.Batch spill;
    private long spillGen;
    private TraceFormatException spillError;
    private boolean done;

    GenerationReader(ByteSource in, int minor) {
        this.in = in;
        this.minor = minor;
    }

    /** The next generation, or null at the end of the file. */
    Generation next() throws IOException, TraceFormatException {
        if (spillError != null) {
            TraceFormatException e = spillError;
            spillError = null;
            done = true;
            throw e;
        }
        if (done && spill == null) {
            return null;
        }
        Generation g = new Generation();
        g.tables.minor = minor;
        long start = in.position();
        if (spill != null) {
            g.gen = spillGen;
            g.seen(spill);
            process(g, spill);
            spill = null;
        }
        while (true) {
            long at = in.position();
            int first = in.read();
            if (first < 0) {
                done = true;
                break;
            }
            long[] header = new long[1];
            Generation.Batch b;
            try {
                b = readBatch(first, at, header);
            } catch (TraceFormatException e) {
                if (g.gen != 0) {
                    spillError = e;
                    break;
                }
                throw e;
            }
            long gen = header[0];
            if (gen == 0) {
                throw new TraceFormatException("invalid generation number 0", at);
            }
            if (g.gen == 0) {
                g.gen = gen;
            }
            if (gen == g.gen + 1) {
                spill = b;
                spillGen = gen;
                break;
            }
            if (gen != g.gen) {
                throw new TraceFormatException("generations out of order: " + gen + " after " + g.gen, at);
            }
            g.seen(b);
            process(g, b);
        }
        if (g.gen == 0) {
            return null;
        }
        g.bytes = in.position() - start;
        g.startOffset = start;
        if (g.tables.nsPerTick == 0) {
            throw new TraceFormatException("generation " + g.gen + " has no frequency event: the trace ends before it "
                    + "was complete", in.position());
        }
        if (minor >= 25 && !g.hasClockSnapshot) {
            throw new TraceFormatException("generation " + g.gen + " has no clock snapshot (a Go 1.25 trace has one "
                    + "in every generation's sync batch)", in.position());
        }
        for (long[] s : g.cpuSamples) {
            s[0] = g.tables.ns(s[0]);
        }
        g.cpuSamples.sort((a, b) -> Long.compare(a[0], b[0]));
        return g;
    }

    /**
     * One batch whose type byte is {@code first}; experimental batches (Go 1.23's allocation tracing) are read and
     * marked so, to be dropped. {@code header[0]} gets the generation.
     */
    private Generation.Batch readBatch(int first, long at, long[] header) throws IOException, TraceFormatException {
        if (first != EventType.EVENT_BATCH && first != EventType.EXPERIMENTAL_BATCH) {
            throw new TraceFormatException("expected a batch, found " + EventType.name(first), at);
        }
        try {
            boolean experimental = first == EventType.EXPERIMENTAL_BATCH;
            if (experimental) {
                in.readByte();
            }
            long gen = in.readUvarint();
            long m = in.readUvarint();
            long ts = in.readUvarint();
            long size = in.readUvarint();
            if (size < 0 || size > MAX_BATCH) {
                throw new TraceFormatException("batch of " + size + " bytes (the format's limit is " + MAX_BATCH + ")",
                        at);
            }
            byte[] data = new byte[(int) size];
            in.readFully(data);
            header[0] = gen;
            return new Generation.Batch(m, ts, data, experimental);
        } catch (EOFException e) {
            throw new TraceFormatException("the file ends inside a batch (truncated?)", at);
        }
    }

    private void process(Generation g, Generation.Batch b) throws TraceFormatException {
        if (b.experimental()) {
            return;
        }
        byte[] d = b.data();
        int kind = d.length == 0 ? -1 : d[0] & 0xff;
        boolean sync = minor >= 25 ? kind == EventType.SYNC_BATCH : kind == EventType.FREQUENCY;
        if (sync) {
            readSync(g, b, minor >= 25 ? 1 : 0);
            return;
        }
        switch (kind) {
            case EventType.STRINGS -> addStrings(g.tables, d);
            case EventType.STACKS -> addStacks(g.tables, d);
            case EventType.CPU_SAMPLES -> addCpuSamples(g, d);
            default -> g.add(b);
        }
    }

    /**
     * A sync batch from {@code from}: before Go 1.25 the batch is one frequency event; from 1.25 on, after its
     * {@link EventType#SYNC_BATCH} byte, a frequency and a clock snapshot (whose time is a delta on the batch's).
     */
    private void readSync(Generation g, Generation.Batch b, int from) throws TraceFormatException {
        Cursor c = new Cursor(b.data(), from);
        long lastTicks = b.time();
        while (c.more()) {
            int type = c.u8();
            if (type == EventType.FREQUENCY) {
                if (g.tables.nsPerTick != 0) {
                    throw new TraceFormatException("generation " + g.gen + " has two frequency events", -1);
                }
                long f = c.uvarint();
                if (f <= 0) {
                    throw new TraceFormatException("generation " + g.gen + " has a frequency of " + f, -1);
                }
                g.tables.nsPerTick = 1.0 / ((double) f / 1e9);
            } else if (type == EventType.CLOCK_SNAPSHOT && minor >= 25) {
                if (g.hasClockSnapshot) {
                    throw new TraceFormatException("generation " + g.gen + " has two clock snapshots", -1);
                }
                g.hasClockSnapshot = true;
                lastTicks += c.uvarint();
                g.snapTicks = lastTicks;
                g.snapMono = c.uvarint();
                g.snapSec = c.uvarint();
                g.snapNsec = c.uvarint();
            } else {
                throw new TraceFormatException("generation " + g.gen + ": expected a frequency or a clock snapshot "
                        + "in the sync batch, found " + EventType.name(type), -1);
            }
            if (minor < 25) {
                // Before 1.25 the batch is the frequency alone; Go's parser reads its one event and stops.
                return;
            }
        }
    }

    private static void addStrings(Tables t, byte[] d) throws TraceFormatException {
        Cursor c = new Cursor(d, 1);
        while (c.more()) {
            if (c.u8() != EventType.STRING) {
                throw new TraceFormatException("expected a string in the string table", -1);
            }
            long id = c.uvarint();
            long len = c.uvarint();
            if (len < 0 || len > MAX_STRING || len > c.left()) {
                throw new TraceFormatException("string " + id + " of " + len + " bytes", -1);
            }
            String s = c.string((int) len);
            if (t.strings.putIfAbsent(id, s) != null) {
                throw new TraceFormatException("string id " + id + " appears twice", -1);
            }
        }
    }

    private static void addStacks(Tables t, byte[] d) throws TraceFormatException {
        Cursor c = new Cursor(d, 1);
        while (c.more()) {
            if (c.u8() != EventType.STACK) {
                throw new TraceFormatException("expected a stack in the stack table", -1);
            }
            long id = c.uvarint();
            long n = c.uvarint();
            if (n < 0 || n > MAX_FRAMES) {
                throw new TraceFormatException("stack " + id + " of " + n + " frames (limit " + MAX_FRAMES + ")", -1);
            }
            long[] pcs = new long[(int) n];
            for (int i = 0; i < n; i++) {
                long pc = c.uvarint();
                long fn = c.uvarint();
                long file = c.uvarint();
                long line = c.uvarint();
                pcs[i] = pc;
                t.frames.putIfAbsent(pc, new long[] {fn, file, line});
            }
            if (t.stacks.putIfAbsent(id, pcs) != null) {
                throw new TraceFormatException("stack id " + id + " appears twice", -1);
            }
        }
    }

    private static void addCpuSamples(Generation g, byte[] d) throws TraceFormatException {
        Cursor c = new Cursor(d, 1);
        List<long[]> out = new ArrayList<>();
        while (c.more()) {
            if (c.u8() != EventType.CPU_SAMPLE) {
                throw new TraceFormatException("expected a CPU sample", -1);
            }
            long ts = c.uvarint();
            long m = c.uvarint();
            long p = c.uvarint();
            long gid = c.uvarint();
            long stack = c.uvarint();
            out.add(new long[] {ts, m, p, gid == 0 ? -1 : gid, stack});
        }
        g.cpuSamples.addAll(out);
    }

    /** Reads varints out of one batch's bytes. */
    static final class Cursor {
        final byte[] d;
        int i;

        Cursor(byte[] d, int i) {
            this.d = d;
            this.i = i;
        }

        boolean more() {
            return i < d.length;
        }

        int left() {
            return d.length - i;
        }

        int u8() throws TraceFormatException {
            if (i >= d.length) {
                throw new TraceFormatException("a batch ends inside an event", -1);
            }
            return d[i++] & 0xff;
        }

        long uvarint() throws TraceFormatException {
            long x = 0;
            int shift = 0;
            for (int k = 0; k < 10; k++) {
                int b = u8();
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

        String string(int len) {
            String s = new String(d, i, len, java.nio.charset.StandardCharsets.UTF_8);
            i += len;
            return s;
        }
    }
}
