package dev.curtain.engine.state;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every goroutine ever created, indexed by goid, stored column by column. A run can create 100,000 goroutines and
 * keep a snapshot every few thousand events; parallel primitive arrays copy in a fraction of a millisecond where
 * 100,000 objects would not. Goid 0 is never used (the runtime starts at 1, the main goroutine).
 */
public final class GoroutineTable {
    private static final GStatus[] STATUSES = GStatus.values();
    private static final PlaceKind[] KINDS = PlaceKind.values();
    private static final WaitReason[] REASONS = WaitReason.values();

    private int size = 1;
    private byte[] status = new byte[64];
    private byte[] placeKind = new byte[64];
    private int[] placeId = new int[64];
    private byte[] waitReason = new byte[64];
    private int[] lockedM = new int[64];
    private int[] lockDepth = new int[64];
    private int[] line = new int[64];
    private int[] function = new int[64];
    private int[] parent = new int[64];
    /** Function names are few: interned to indices. The list only grows, in creation order. */
    private List<String> names = new ArrayList<>();
    private Map<String, Integer> nameIndex = new HashMap<>();

    GoroutineTable() {
    }

    GoroutineTable copy() {
        GoroutineTable c = new GoroutineTable();
        c.size = size;
        c.status = Arrays.copyOf(status, size);
        c.placeKind = Arrays.copyOf(placeKind, size);
        c.placeId = Arrays.copyOf(placeId, size);
        c.waitReason = Arrays.copyOf(waitReason, size);
        c.lockedM = Arrays.copyOf(lockedM, size);
        c.lockDepth = Arrays.copyOf(lockDepth, size);
        c.line = Arrays.copyOf(line, size);
        c.function = Arrays.copyOf(function, size);
        c.parent = Arrays.copyOf(parent, size);
        c.names = new ArrayList<>(names);
        c.nameIndex = new HashMap<>(nameIndex);
        return c;
    }

    /** One more than the highest goid. */
    public int size() {
        return size;
    }

    public boolean exists(int g) {
        return g > 0 && g < size;
    }

    public GStatus status(int g) { return STATUSES[status[g]]; }
    public Place place(int g) { return Place.of(KINDS[placeKind[g]], placeId[g]); }
    public PlaceKind placeKind(int g) { return KINDS[placeKind[g]]; }
    public WaitReason waitReason(int g) { return REASONS[waitReason[g]]; }
    /** The M this goroutine is locked to, or -1. */
    public int lockedM(int g) { return lockedM[g]; }
    /** LockOSThread depth (lockedExt); 0 when unlocked. */
    public int lockDepth(int g) { return lockDepth[g]; }
    /** The source line it is on, or 0. */
    public int line(int g) { return line[g]; }
    public String function(int g) { return names.get(function[g]); }
    public int parent(int g) { return parent[g]; }

    void create(int g, String fn, int parentG, Place at) {
        if (g != size) {
            throw new IllegalStateException("goroutine ids must be dense: expected G" + size + ", got G" + g);
        }
        ensure(g + 1);
        size = g + 1;
        Integer idx = nameIndex.get(fn);
        if (idx == null) {
            idx = names.size();
            names.add(fn);
            nameIndex.put(fn, idx);
        }
        function[g] = idx;
        parent[g] = parentG;
        lockedM[g] = -1;
        setStatus(g, GStatus.RUNNABLE);
        setPlace(g, at);
    }

    void setStatus(int g, GStatus s) { status[g] = (byte) s.ordinal(); }
    void setPlace(int g, Place p) {
        placeKind[g] = (byte) p.kind().ordinal();
        placeId[g] = p.id();
    }
    void setWaitReason(int g, WaitReason r) { waitReason[g] = (byte) r.ordinal(); }
    void setLock(int g, int m, int depth) {
        lockedM[g] = m;
        lockDepth[g] = depth;
    }
    void setLine(int g, int l) { line[g] = l; }

    private void ensure(int n) {
        if (n <= status.length) {
            return;
        }
        int cap = Math.max(n, status.length * 2);
        status = Arrays.copyOf(status, cap);
        placeKind = Arrays.copyOf(placeKind, cap);
        placeId = Arrays.copyOf(placeId, cap);
        waitReason = Arrays.copyOf(waitReason, cap);
        lockedM = Arrays.copyOf(lockedM, cap);
        lockDepth = Arrays.copyOf(lockDepth, cap);
        line = Arrays.copyOf(line, cap);
        function = Arrays.copyOf(function, cap);
        parent = Arrays.copyOf(parent, cap);
    }

    /** Approximate bytes a copy of this table holds, for choosing the snapshot interval. */
    long approximateBytes() {
        return 32L * size + 64L * names.size();
    }
}
