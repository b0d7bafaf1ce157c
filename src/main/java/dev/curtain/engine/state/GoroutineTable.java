package dev.curtain.engine.state;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every goroutine ever created, indexed by goid, stored column by column in chunks of 1,024 that copies share
 * until one of them writes (copy on write). A run can create 100,000 goroutines and take a snapshot every few
 * thousand events; each snapshot then costs only the chunks that changed since the last one, not 100,000 rows.
 * Goid 0 is never used (the runtime starts at 1, the main goroutine).
 */
public final class GoroutineTable {
    private static final int SHIFT = 10;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final GStatus[] STATUSES = GStatus.values();
    private static final PlaceKind[] KINDS = PlaceKind.values();
    private static final WaitReason[] REASONS = WaitReason.values();

    /** The columns of 1,024 goroutines. */
    private static final class Chunk {
        final byte[] status;
        final byte[] placeKind;
        final byte[] waitReason;
        /** 1 once the goroutine made an observation (a file, a socket …) on a thread that differed from the process. */
        final byte[] tainted;
        final int[] placeId;
        final int[] lockedM;
        final int[] lockDepth;
        final int[] line;
        final int[] function;
        final int[] parent;

        Chunk() {
            this(new byte[CHUNK], new byte[CHUNK], new byte[CHUNK], new byte[CHUNK], new int[CHUNK], new int[CHUNK],
                    new int[CHUNK], new int[CHUNK], new int[CHUNK], new int[CHUNK]);
        }

        private Chunk(byte[] status, byte[] placeKind, byte[] waitReason, byte[] tainted, int[] placeId,
                      int[] lockedM, int[] lockDepth, int[] line, int[] function, int[] parent) {
            this.status = status;
            this.placeKind = placeKind;
            this.waitReason = waitReason;
            this.tainted = tainted;
            this.placeId = placeId;
            this.lockedM = lockedM;
            this.lockDepth = lockDepth;
            this.line = line;
            this.function = function;
            this.parent = parent;
        }

        /** A copy made with clone(), which the JIT fills without zeroing first (a snapshot copies many chunks). */
        Chunk copy() {
            return new Chunk(status.clone(), placeKind.clone(), waitReason.clone(), tainted.clone(), placeId.clone(),
                    lockedM.clone(), lockDepth.clone(), line.clone(), function.clone(), parent.clone());
        }
    }

    /** Bytes one chunk holds, for estimating what a snapshot costs. */
    static final long CHUNK_BYTES = CHUNK * (4L + 6L * 4L);

    private int size = 1;
    private Chunk[] chunks = new Chunk[4];
    /** Whether this table may write chunk c in place (no copy shares it). */
    private boolean[] owned = new boolean[4];
    private int chunksCopied;
    /** Function names are few: interned to indices. */
    private List<String> names = new ArrayList<>();
    private Map<String, Integer> nameIndex = new LinkedHashMap<>();
    private String lastName;
    private int lastNameIndex;

    GoroutineTable() {
    }

    /** A copy sharing every chunk; whichever table writes a shared chunk first copies it. */
    GoroutineTable copy() {
        GoroutineTable c = new GoroutineTable();
        c.size = size;
        c.chunks = chunks.clone();
        c.owned = new boolean[chunks.length];
        Arrays.fill(owned, false);
        c.names = new ArrayList<>(names);
        c.nameIndex = new LinkedHashMap<>(nameIndex);
        return c;
    }

    /** Chunks this table copied since it was made, and resets the count (the snapshot policy reads it). */
    int takeChunksCopied() {
        int n = chunksCopied;
        chunksCopied = 0;
        return n;
    }

    /** One more than the highest goid. */
    public int size() {
        return size;
    }

    public boolean exists(int g) {
        return g > 0 && g < size;
    }

    private Chunk read(int g) {
        return chunks[g >>> SHIFT];
    }

    private Chunk write(int g) {
        int c = g >>> SHIFT;
        if (!owned[c]) {
            chunks[c] = chunks[c] == null ? new Chunk() : chunks[c].copy();
            owned[c] = true;
            chunksCopied++;
        }
        return chunks[c];
    }

    public GStatus status(int g) { return STATUSES[read(g).status[g & MASK]]; }
    public Place place(int g) { Chunk c = read(g); return Place.of(KINDS[c.placeKind[g & MASK]], c.placeId[g & MASK]); }
    public PlaceKind placeKind(int g) { return KINDS[read(g).placeKind[g & MASK]]; }
    public WaitReason waitReason(int g) { return REASONS[read(g).waitReason[g & MASK]]; }
    /** The M this goroutine is locked to, or -1. */
    public int lockedM(int g) { return read(g).lockedM[g & MASK]; }
    /** LockOSThread depth (lockedExt plus the runtime's lockedInt); 0 when unlocked. */
    public int lockDepth(int g) { return read(g).lockDepth[g & MASK]; }
    /** The source line it is on, or 0. */
    public int line(int g) { return read(g).line[g & MASK]; }
    public String function(int g) { return names.get(read(g).function[g & MASK]); }
    /**
     * Whether goroutine {@code g} is one of the runtime's own (a GC mark worker, the sweeper …): its function is
     * in package runtime, as a trace names it and as the engine's garbage collector makes them.
     */
    public boolean isRuntime(int g) { return function(g).startsWith("runtime."); }
    public int parent(int g) { return read(g).parent[g & MASK]; }

    /** Whether goroutine g is at place kind k with id (a check without creating a Place). */
    boolean isAt(int g, Place p) {
        Chunk c = read(g);
        return c.placeKind[g & MASK] == p.kind().ordinal() && c.placeId[g & MASK] == p.id();
    }

    void create(int g, String fn, int parentG, Place at) {
        if (g != size) {
            throw new IllegalStateException("goroutine ids must be dense: expected G" + size + ", got G" + g);
        }
        int c = g >>> SHIFT;
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
            owned = Arrays.copyOf(owned, chunks.length);
        }
        size = g + 1;
        Chunk ch = write(g);
        int i = g & MASK;
        ch.function[i] = nameIndex(fn);
        ch.parent[i] = parentG;
        ch.lockedM[i] = -1;
        ch.lockDepth[i] = 0;
        ch.line[i] = 0;
        ch.waitReason[i] = 0;
        ch.tainted[i] = 0;
        ch.status[i] = (byte) GStatus.RUNNABLE.ordinal();
        ch.placeKind[i] = (byte) at.kind().ordinal();
        ch.placeId[i] = at.id();
    }

    private int nameIndex(String fn) {
        if (fn == lastName) {
            return lastNameIndex;
        }
        Integer idx = nameIndex.get(fn);
        if (idx == null) {
            idx = names.size();
            names.add(fn);
            nameIndex.put(fn, idx);
        }
        lastName = fn;
        lastNameIndex = idx;
        return idx;
    }

    void setStatus(int g, GStatus s) { write(g).status[g & MASK] = (byte) s.ordinal(); }
    void setPlace(int g, Place p) {
        Chunk c = write(g);
        c.placeKind[g & MASK] = (byte) p.kind().ordinal();
        c.placeId[g & MASK] = p.id();
    }
    void setWaitReason(int g, WaitReason r) { write(g).waitReason[g & MASK] = (byte) r.ordinal(); }
    void setLock(int g, int m, int depth) {
        Chunk c = write(g);
        c.lockedM[g & MASK] = m;
        c.lockDepth[g & MASK] = depth;
    }
    void setLine(int g, int l) { write(g).line[g & MASK] = l; }
    void setTainted(int g) {
        if (!tainted(g)) {
            write(g).tainted[g & MASK] = 1;
        }
    }

    /**
     * Whether the goroutine has observed a property of its thread that differed from the process (it created a
     * file as the wrong user, opened a socket in the wrong namespace …): the victim of a divergence.
     */
    public boolean tainted(int g) { return read(g).tainted[g & MASK] != 0; }
}
