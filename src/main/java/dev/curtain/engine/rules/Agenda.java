package dev.curtain.engine.rules;

import java.util.Arrays;

/**
 * The decider's calendar of future {@link Wakeup}s: a binary min-heap ordered by (time, sequence number). Cancelled
 * entries are removed at once (not lazily), so "only sysmon is left" is a plain size check: nothing can ever happen
 * again, which is how deadlock is recognised.
 *
 * <p>Why not {@code java.util.PriorityQueue}: it compares through {@code Comparable} on objects scattered over the
 * heap and removes an entry by a linear search, while every M's wakeup is cancelled and rescheduled many times per
 * simulated millisecond. Here the heap holds only primitives: each entry's time, sequence number and the number of
 * its wakeup ({@link Wakeup#id}), and each wakeup knows its slot, so removal is a sift, not a search, and moving an
 * entry stores no reference (under G1 a reference stored into a long-lived array pays a write barrier with a memory
 * fence). The order is the same total order, so a run polls exactly the wakeups it polled before.
 */
final class Agenda {
    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private int[] ids = new int[64];
    private int size;
    /** Wakeups by id; an id is free again once its one-shot wakeup is polled or cancelled. */
    private Wakeup[] byId = new Wakeup[64];
    private int[] freeIds = new int[64];
    private int freeCount;
    private int nextId;
    private long nextSeq;
    private int backgroundEntries;

    /** A one-shot wakeup, due at {@code time}. */
    Wakeup schedule(long time, Wakeup.Kind kind, int target) {
        Wakeup w = new Wakeup(time, 0, kind, target);
        register(w, false);
        insert(w);
        return w;
    }

    /** A wakeup object to be rescheduled again and again (an M's), not yet due. */
    Wakeup permanent(Wakeup.Kind kind, int target) {
        Wakeup w = new Wakeup(0, 0, kind, target);
        register(w, true);
        return w;
    }

    /**
     * Schedules {@code w} again for {@code time} as {@code kind}, in place of wherever it was due: the same as
     * cancelling it and scheduling a new wakeup (it takes the next sequence number), without a new object.
     */
    void reschedule(Wakeup w, long time, Wakeup.Kind kind) {
        if (w.slot >= 0) {
            removeAt(w.slot);
            if (w.kind.background) {
                backgroundEntries--;
            }
        }
        w.time = time;
        w.kind = kind;
        insert(w);
    }

    void cancel(Wakeup w) {
        if (w == null || w.slot < 0) {
            return;
        }
        removeAt(w.slot);
        if (w.kind.background) {
            backgroundEntries--;
        }
        release(w);
    }

    Wakeup poll() {
        if (size == 0) {
            return null;
        }
        Wakeup w = byId[ids[0]];
        removeAt(0);
        if (w.kind.background) {
            backgroundEntries--;
        }
        release(w);
        return w;
    }

    Wakeup peek() {
        return size == 0 ? null : byId[ids[0]];
    }

    int size() {
        return size;
    }

    /**
     * Whether anything other than sysmon (or the host's CPU scheduling, {@link Wakeup.Kind#background}) is due: a
     * running M, a syscall, a timer, a socket.
     */
    boolean hasWorkBesidesSysmon() {
        return size > backgroundEntries;
    }

    /** The earliest time of a timer or socket wakeup, or Long.MAX_VALUE (what sysmon's deep sleep waits for). */
    long nextTimerOrNet() {
        long t = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            Wakeup w = byId[ids[i]];
            if ((w.kind == Wakeup.Kind.TIMER || w.kind == Wakeup.Kind.NET_READY) && w.time < t) {
                t = w.time;
            }
        }
        return t;
    }

    private void register(Wakeup w, boolean permanent) {
        int id;
        if (!permanent && freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            id = nextId++;
            if (id == byId.length) {
                byId = Arrays.copyOf(byId, id * 2);
            }
        }
        byId[id] = w;
        w.id = id;
        w.permanent = permanent;
    }

    /** A one-shot wakeup that is no longer due gives its id back. */
    private void release(Wakeup w) {
        if (w.permanent) {
            return;
        }
        byId[w.id] = null;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeCount * 2);
        }
        freeIds[freeCount++] = w.id;
    }

    private void insert(Wakeup w) {
        w.seq = nextSeq++;
        if (size == ids.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            ids = Arrays.copyOf(ids, n);
        }
        siftUp(size++, w.id, w.time, w.seq);
        if (w.kind.background) {
            backgroundEntries++;
        }
    }

    private void removeAt(int i) {
        byId[ids[i]].slot = -1;
        int last = --size;
        if (i == last) {
            return;
        }
        int id = ids[last];
        long t = times[last];
        long q = seqs[last];
        siftDown(i, id, t, q);
        if (ids[i] == id) {
            siftUp(i, id, t, q);
        }
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int k, int id, long t, long q) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!less(t, q, times[parent], seqs[parent])) {
                break;
            }
            put(k, ids[parent], times[parent], seqs[parent]);
            k = parent;
        }
        put(k, id, t, q);
    }

    private void siftDown(int k, int id, long t, long q) {
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            int right = child + 1;
            if (right < size && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, q)) {
                break;
            }
            put(k, ids[child], times[child], seqs[child]);
            k = child;
        }
        put(k, id, t, q);
    }

    private void put(int k, int id, long t, long q) {
        ids[k] = id;
        times[k] = t;
        seqs[k] = q;
        byId[id].slot = k;
    }
}
